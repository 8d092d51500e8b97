import Domain

/// What an imported `draw_id` says about the draw. Exports that carry only the id (no stored
/// draw record) follow the convention of the synthetic city's generator (`Synthesis`
/// `CityGenerator`): `D<yyyy>-<mm>-<stratum>`, e.g. `D2025-03-C` = the March 2025 batch's
/// stratum C. The last `-`-separated component names the stratum when it is a tier letter.
public enum DrawIdentifier {
    /// The tier stratum named by the id's last `-`-separated component, nil when there is none.
    public static func stratum(of drawId: String) -> Tier? {
        guard let dash = drawId.lastIndex(of: "-") else { return nil }
        return Tier(rawValue: String(drawId[drawId.index(after: dash)...]))
    }
}
