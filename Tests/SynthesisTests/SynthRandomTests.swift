import Testing
@testable import Synthesis

@Suite struct SynthRandomTests {
    /// Reference outputs of xoshiro256** from state (1, 2, 3, 4), as published with the
    /// rand_xoshiro crate's `reference` test ("produced with the reference implementation").
    @Test func xoshiroMatchesThePublishedVector() {
        var random = SynthRandom(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
                                  607988272756665600, 16172922978634559625, 8476171486693032832,
                                  10595114339597558777, 2904607092377533576]
        #expect((0..<10).map { _ in random.next() } == expected)
    }

    /// SplitMix64 from state 0: the first outputs of Vigna's splitmix64.c.
    @Test func splitMixMatchesThePublishedVector() {
        var state: UInt64 = 0
        #expect((0..<4).map { _ in SynthRandom.splitMix(&state) } == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC])
    }

    /// Streams of one seed differ, and a stream is reproducible.
    @Test func streamsAreIndependentAndReproducible() {
        var a = SynthRandom(seed: 7, stream: 1)
        var b = SynthRandom(seed: 7, stream: 2)
        var c = SynthRandom(seed: 7, stream: 1)
        let first = (0..<8).map { _ in a.next() }
        #expect(first != (0..<8).map { _ in b.next() })
        #expect(first == (0..<8).map { _ in c.next() })
    }

    /// Uniforms lie in [0, 1) with mean 1/2: over 10⁵ draws the standard error of the mean is
    /// 0.29/√10⁵ ≈ 0.0009, so 0.005 is more than 5 standard errors.
    @Test func uniformAndBernoulliAreUnbiased() {
        var random = SynthRandom(seed: 99, stream: 0)
        var sum = 0.0
        var hits = 0
        for _ in 0..<100_000 {
            let u = random.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
            if random.bernoulli(0.05) { hits += 1 }
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
        // Binomial(10⁵, 0.05): sd ≈ 69; 5 sd.
        #expect(abs(hits - 5_000) < 345)
    }
}
