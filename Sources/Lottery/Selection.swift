/// Partial ordering helpers for step 2 (the n smallest tickets of a stratum).
enum Selection {
    /// Rearranges `items` so that its first `n` elements are the `n` smallest under the strict
    /// total order `less` (unordered among themselves). Hoare quickselect with a median-of-
    /// three pivot: tickets are hash outputs, so adversarial inputs cannot be prepared before
    /// the seed exists and the expected cost is linear.
    static func partition<T>(_ items: inout [T], smallest n: Int, by less: (T, T) -> Bool) {
        guard n > 0, n < items.count else { return }
        var lo = 0, hi = items.count - 1
        let k = n - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot value.
            var a = items[lo], b = items[mid], c = items[hi]
            if less(b, a) { swap(&a, &b) }
            if less(c, b) { swap(&b, &c); if less(b, a) { swap(&a, &b) } }
            let pivot = b
            var i = lo, j = hi
            while i <= j {
                while less(items[i], pivot) { i += 1 }
                while less(pivot, items[j]) { j -= 1 }
                if i <= j {
                    items.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}
