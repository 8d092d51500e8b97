import Domain

/// The fixed ingredients of the synthetic city: Wuxi (无锡, GB/T 2260 prefecture 320200), its
/// districts weighted by resident population, domain shares after DOMAIN.md §6 (Wuxi seed000:
/// 10.8万 food businesses against 3,081 pharmacies, 7,733 device dealers, 838 industrial-product
/// licence holders), and the catalogue codes events use.
enum CityCatalogue {
    struct District {
        let code: String
        let name: String
        /// Short form used in decision numbers (锡梁市监…).
        let abbreviation: String
        /// Relative size: 2020 census residents, in 10,000s (rounded).
        let weight: Double
    }

    static let prefecture = "320200"
    static let cityName = "无锡市"

    static let districts: [District] = [
        District(code: "320205", name: "锡山区", abbreviation: "锡锡", weight: 78),
        District(code: "320206", name: "惠山区", abbreviation: "锡惠", weight: 72),
        District(code: "320211", name: "滨湖区", abbreviation: "锡滨", weight: 75),
        District(code: "320213", name: "梁溪区", abbreviation: "锡梁", weight: 97),
        District(code: "320214", name: "新吴区", abbreviation: "锡新", weight: 78),
        District(code: "320281", name: "江阴市", abbreviation: "澄", weight: 178),
        District(code: "320282", name: "宜兴市", abbreviation: "宜", weight: 129),
    ]

    /// Domains in a fixed order (index = position) so that draws do not depend on enum order.
    static let domains: [SupervisionDomain] = [.food, .drug, .medicalDevice, .cosmetic, .specialEquipment, .industrialProduct]

    /// Share of enterprises whose primary domain is each of `domains`: food dominates (§6).
    static let primaryDomainWeights: [Double] = [0.80, 0.035, 0.06, 0.03, 0.05, 0.025]

    /// Probability that an enterprise of a primary domain also holds a second one, and which.
    static func secondDomain(of primary: SupervisionDomain) -> (probability: Double, domains: [SupervisionDomain]) {
        switch primary {
        case .food: return (0.05, [.cosmetic, .specialEquipment])       // supermarkets, canteens with boilers/lifts
        case .drug: return (0.45, [.medicalDevice])                     // pharmacies selling devices
        case .medicalDevice: return (0.10, [.drug])
        case .cosmetic: return (0.10, [.food])
        case .specialEquipment: return (0.05, [.industrialProduct])
        case .industrialProduct: return (0.15, [.specialEquipment])
        }
    }

    /// Entity-type shares (91 enterprise, 92 individual business, 93 farmers' cooperative) per
    /// primary domain: small eateries and shops are mostly individual businesses.
    static func entityTypeWeights(_ domain: SupervisionDomain) -> [Double] {
        switch domain {
        case .food: return [0.42, 0.55, 0.03]
        case .drug: return [0.88, 0.12, 0]
        case .medicalDevice: return [0.85, 0.15, 0]
        case .cosmetic: return [0.60, 0.40, 0]
        case .specialEquipment: return [1, 0, 0]
        case .industrialProduct: return [0.96, 0, 0.04]
        }
    }

    static func licenceType(_ domain: SupervisionDomain, production: Bool) -> String {
        switch domain {
        case .food: return production ? "food_production" : "food_business"
        case .drug: return production ? "drug_wholesale" : "drug_retail"
        case .medicalDevice: return production ? "medical_device_production" : "medical_device_business"
        case .cosmetic: return production ? "cosmetic_production" : "cosmetic_business_filing"
        case .specialEquipment: return "special_equipment_use_registration"
        case .industrialProduct: return "industrial_product_production"
        }
    }

    static func productCategories(_ domain: SupervisionDomain) -> [String] {
        switch domain {
        case .food:
            return ["food.grain_products", "food.edible_oil", "food.meat_products", "food.dairy", "food.beverages",
                    "food.condiments", "food.pastry", "food.vegetables", "food.aquatic_products", "food.catering_tableware"]
        case .drug: return ["drug.chemical_preparation", "drug.tcm_decoction_pieces", "drug.proprietary_chinese_medicine"]
        case .medicalDevice: return ["device.medical_masks", "device.syringes", "device.blood_glucose_strips"]
        case .cosmetic: return ["cosmetic.skin_care", "cosmetic.hair_dye", "cosmetic.sunscreen"]
        case .specialEquipment: return ["equipment.pressure_pipe_parts"]
        case .industrialProduct: return ["industrial.wires_cables", "industrial.rebar", "industrial.cement", "industrial.fertiliser"]
        }
    }

    /// Sampling stages a domain's batches are taken at, with weights.
    static func stages(_ domain: SupervisionDomain) -> [(SamplingStage, Double)] {
        switch domain {
        case .food: return [(.catering, 0.35), (.distribution, 0.40), (.production, 0.15), (.online, 0.10)]
        case .drug: return [(.distribution, 0.7), (.use, 0.2), (.production, 0.1)]
        case .medicalDevice: return [(.distribution, 0.6), (.use, 0.3), (.online, 0.1)]
        case .cosmetic: return [(.distribution, 0.6), (.online, 0.3), (.production, 0.1)]
        case .specialEquipment: return [(.use, 1)]
        case .industrialProduct: return [(.production, 0.6), (.distribution, 0.4)]
        }
    }

    static let complaintCategories = ["食品安全", "产品质量", "虚假宣传", "价格收费", "计量", "服务态度", "无证经营"]

    /// Trade-name syllables and trade words for enterprise names.
    static let tradeNames = ["金福", "瑞丰", "华源", "鑫盛", "永达", "恒通", "天和", "嘉禾", "宏远", "锦程",
                             "惠民", "太湖", "阳光", "新锐", "百川", "汇丰", "隆泰", "兴旺", "德润", "康宁",
                             "明珠", "顺发", "春晖", "东升", "和美", "万象", "长青", "信诚", "安泰", "荣昌"]

    static func tradeWord(_ domain: SupervisionDomain) -> [String] {
        switch domain {
        case .food: return ["餐饮", "食品", "小吃", "面馆", "超市", "烘焙", "饭店", "副食品"]
        case .drug: return ["大药房", "医药", "药店"]
        case .medicalDevice: return ["医疗器械", "医疗用品", "康复器材"]
        case .cosmetic: return ["化妆品", "日化", "美妆"]
        case .specialEquipment: return ["机械", "电梯", "物业", "热力", "锅炉"]
        case .industrialProduct: return ["电缆", "建材", "化工", "钢铁", "农资"]
        }
    }

    static let inspectorSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "钱"]
    static let inspectorGivenNames = ["伟", "芳", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "丽", "军", "华", "婷"]
}
