import Domain

/// Rendering of one enterprise's events as CSV rows. Event ids are `KIND-ORDINAL-SEQ` with the
/// enterprise's position in id order and the event's rank by date, both zero-padded, so rows
/// come out sorted by event_id without holding any file in memory.
extension CityGenerator {
    func writeRows<Sink: CityRowSink>(_ profile: EnterpriseProfile, ordinal: Int, history: inout EnterpriseHistory, into sink: inout Sink) {
        let ordinalText = InspectorPool.pad(ordinal + 1, ordinalWidth)
        let district = CityCatalogue.districts[profile.districtIndex]
        // At most 999 events of a kind per enterprise keep the 3-digit rank sortable; the
        // rates used here give a handful at most.
        func ids(_ prefix: String, _ count: Int) -> [String] {
            (0..<min(count, 999)).map { "\(prefix)-\(ordinalText)-\(InspectorPool.pad($0 + 1, 3))" }
        }
        func head(_ id: String, _ domain: SupervisionDomain, _ recorded: Int) -> String {
            "\(id),\(profile.code),\(domain.rawValue),\(Self.date(recorded))"
        }

        history.licences.sort { ($0.day, $0.domain) < ($1.day, $1.domain) }
        for (licence, id) in zip(history.licences, ids("LIC", history.licences.count)) {
            let number = "\(Self.licencePrefix(licence.domain, production: profile.production))\(district.code)\(ordinalText)\(id.suffix(3))"
            sink.append([head(id, licence.domain, licence.recordedDay), number, licence.type, Self.date(licence.issuedDay),
                         Self.date(licence.expiresDay), licence.status.rawValue, licence.changedDay.map(Self.date) ?? ""].joined(separator: ","),
                        to: .licences)
        }
        history.penalties.sort { $0.day < $1.day }
        for (penalty, id) in zip(history.penalties, ids("PEN", history.penalties.count)) {
            let year = CivilDate(daysSinceEpoch: penalty.day).year
            let number = "\(district.abbreviation)市监\(penalty.procedure == .summary ? "简罚" : "处罚")〔\(year)〕\(ordinalText)\(id.suffix(3))号"
            sink.append([head(id, penalty.domain, penalty.recordedDay), Self.date(penalty.day), number, penalty.procedure.rawValue,
                         penalty.kinds.map(\.rawValue).joined(separator: ";"), CNYAmount.text(fen: penalty.fineFen),
                         CNYAmount.text(fen: penalty.confiscatedFen), penalty.heavy ? "yes" : "no",
                         penalty.publicityEndedDay.map(Self.date) ?? ""].joined(separator: ","), to: .penalties)
        }
        history.samplingTests.sort { $0.day < $1.day }
        for (test, id) in zip(history.samplingTests, ids("SMP", history.samplingTests.count)) {
            sink.append([head(id, test.domain, test.recordedDay), Self.date(test.day), test.category, test.stage.rawValue,
                         test.failClass == nil ? "pass" : "fail", test.failClass?.rawValue ?? "", test.isFinal ? "yes" : "no"]
                .joined(separator: ","), to: .samplingTests)
        }
        history.inspections.sort { $0.day < $1.day }
        for (inspection, id) in zip(history.inspections, ids("INS", history.inspections.count)) {
            sink.append([head(id, inspection.domain, inspection.recordedDay), Self.date(inspection.day), inspection.origin.rawValue,
                         inspection.drawId ?? "", String(inspection.findingsCount), inspection.severity.rawValue,
                         inspection.outcome.rawValue, inspection.inspectorIds.joined(separator: ";")].joined(separator: ","),
                        to: .inspections)
        }
        for (complaint, id) in zip(history.complaints, ids("CMP", history.complaints.count)) {
            sink.append([head(id, complaint.domain, complaint.recordedDay), Self.date(complaint.day), complaint.substantiated.rawValue,
                         complaint.category].joined(separator: ","), to: .complaints)
        }
        history.listEntries.sort { ($0.day, $0.list.rawValue) < ($1.day, $1.list.rawValue) }
        for (entry, id) in zip(history.listEntries, ids("LST", history.listEntries.count)) {
            sink.append([head(id, entry.domain, entry.recordedDay), entry.list.rawValue, Self.date(entry.day), entry.reason.rawValue,
                         entry.exitDay.map(Self.date) ?? "", entry.exitReason?.rawValue ?? ""].joined(separator: ","), to: .listEntries)
        }
    }

    static func licencePrefix(_ domain: SupervisionDomain, production: Bool) -> String {
        switch domain {
        case .food: return production ? "SC" : "JY"
        case .drug: return "YP"
        case .medicalDevice: return "QX"
        case .cosmetic: return "HZ"
        case .specialEquipment: return "TS"
        case .industrialProduct: return "XK"
        }
    }
}
