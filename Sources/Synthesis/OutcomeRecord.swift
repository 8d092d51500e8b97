/// What the latent model decided for one enterprise active on the reference date.
struct OutcomeRecord {
    /// Features at t, `LatentModel.termNames` without the intercept.
    let features: [Double]
    /// logistic(β·x).
    let probability: Double
    /// Tier of the noisy linear predictor that set the random-draw rate (0 = A … 3 = D).
    let tier: Int
    /// At least one inspection or final sampling test in (t, t + 12 months].
    let observed: Bool
    /// Drawn in the window's random draw (the unbiased arm).
    let randomDraw: Bool
    /// The label, meaningful only when observed.
    let label: Bool
}
