/// Why an inspection took place. Only `randomDraw` is the unbiased arm (DOMAIN.md §5.2).
public enum InspectionOrigin: String, FileToken, Codable {
    case randomDraw = "random_draw"
    case routine, complaint, campaign
    case followUp = "follow_up"
    case referral
}
