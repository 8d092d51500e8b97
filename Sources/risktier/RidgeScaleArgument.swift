import ArgumentParser

/// `--ridge-scale raw|standardized`.
enum RidgeScaleArgument: String, ExpressibleByArgument, CaseIterable {
    case raw, standardized
}
