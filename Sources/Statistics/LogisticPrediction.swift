import LinearAlgebra

/// Probabilities from coefficients on a design, computed exactly as the fits compute their
/// fitted values (η = Xβ by `dgemv`, then + offset, then R's clamped inverse logit), so that a
/// saved model applied to its training rows gives the fitted values bit for bit.
public enum LogisticPrediction {
    /// Aliased (nil) coefficients count as 0, as R's `predict.glm` drops them.
    public static func linearPredictor(design x: Matrix, coefficients: [Double?], offset: [Double]?) -> [Double] {
        let n = x.rows, p = x.columns
        precondition(coefficients.count == p, "one coefficient per design column")
        let beta = coefficients.map { $0 ?? 0 }
        var eta = [Double](repeating: 0, count: n)
        if p > 0 {
            x.elements.withUnsafeBufferPointer { xb in
                beta.withUnsafeBufferPointer { bb in
                    eta.withUnsafeMutableBufferPointer { eb in
                        BLAS.gemv(.none, rows: n, columns: p, alpha: 1, a: xb.baseAddress!, leadingDimension: n,
                                  x: bb.baseAddress!, beta: 0, y: eb.baseAddress!)
                    }
                }
            }
        }
        if let offset { for i in 0..<n { eta[i] += offset[i] } }
        return eta
    }

    public static func probabilities(design x: Matrix, coefficients: [Double?], offset: [Double]?) -> [Double] {
        linearPredictor(design: x, coefficients: coefficients, offset: offset).map(LogisticLink.inverse)
    }
}
