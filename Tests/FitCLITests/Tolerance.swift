/// |actual − expected| ≤ relative·|expected| + absolute.
func close(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 0) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= relative * abs(e) + absolute
    default: return false
    }
}
