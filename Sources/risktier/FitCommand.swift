import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier fit --csv FILE --formula '…'`: the analyst's ad-hoc logistic fit; with `--store`
/// instead, the monthly model fit (FitCommand+Store.swift).
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a logistic regression to a CSV file and print an R-style summary.",
        discussion: """
            A column none of whose values are numbers is a factor (treatment contrasts, levels in \
            byte order, the first is the reference); factor(col) makes any column a factor (a \
            column mixing numbers and text must be written so); \
            factor(col, ref = "level") picks the reference. The response is 0/1, or a proportion \
            in [0, 1] with --weights giving the number of trials.

            With --model-id ID the fit is saved as <models-dir>/ID/model.json and summary.txt \
            (never overwritten: an existing ID is an error), with tier cut points from \
            --cut-probabilities or --cut-shares and the training rows' tier table. --cv K prints the \
            K-fold cross-validated AUC, --time-split COLUMN=DATE the AUC on the rows dated on or \
            after DATE of a fit on the rows before it.
            """)

    @Option(help: "The CSV file (header row, UTF-8).")
    var csv: String?

    @Option(help: "Model formula, e.g. 'y ~ x1 + x2 + factor(c, ref = \"level\")'.")
    var formula: String?

    @OptionGroup(title: "Model fit from a store (instead of --csv); --model-id and --models-dir also save a CSV fit")
    var storeFit: StoreFitOptions

    @OptionGroup(title: "Saved CSV models: tier cut points and validation")
    var modelOptions: CSVModelOptions

    @Option(help: "Column of prior weights (trials for a proportion response).")
    var weights: String?

    @Option(help: "Column added to the linear predictor with coefficient 1.")
    var offset: String?

    @Option(help: "Write the fit as JSON to this file (written atomically).")
    var json: String?

    @Option(help: "Convergence tolerance on the relative deviance change.")
    var epsilon: Double = 1e-10

    @Option(help: "Maximum number of Fisher scoring iterations.")
    var maxIterations: Int = 100

    // Estimators (issue 4).
    @Flag(help: "Firth's bias-reduced fit (Jeffreys prior; finite under separation), with profile penalised-likelihood CIs.")
    var firth = false

    @Option(help: "L2 penalty λ: minimise −loglik + ½λ‖β‖² (intercept unpenalised; scikit-learn C = 1/λ).")
    var ridge: Double?

    @Option(help: "Scale of the ridge penalty: raw (coefficients as given) or standardized (columns centred and divided by their population SD).")
    var ridgeScale: RidgeScaleArgument = .raw

    func validate() throws {
        if firth && ridge != nil { throw ValidationError("`--firth` and `--ridge` cannot be combined; choose one") }
        if let ridge, !(ridge.isFinite && ridge >= 0) { throw ValidationError("`--ridge` must be a finite number >= 0; got \(ridge)") }
        guard epsilon > 0, epsilon < 1 else { throw ValidationError("`--epsilon` must be in (0, 1); got \(epsilon)") }
        guard maxIterations >= 1 else { throw ValidationError("`--max-iterations` must be >= 1; got \(maxIterations)") }
        try validateMode()
        try modelOptions.validate(csvMode: csv != nil, modelId: storeFit.modelId)
    }

    func run() throws {
        guard let csv, let formula else { return try runStoreFit() }
        var request = FitRequest(
            csvPath: csv, formula: formula, weightsColumn: weights, offsetColumn: offset,
            control: .init(epsilon: epsilon, maximumIterations: maxIterations))
        if firth { request.penalty = .firth(profileLevel: 0.95) }
        if let ridge { request.penalty = .ridge(lambda: ridge, standardized: ridgeScale == .standardized) }
        try runCSVFit(request)
    }
}
