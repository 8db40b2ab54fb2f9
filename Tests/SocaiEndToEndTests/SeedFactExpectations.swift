import Foundation
import Testing

/// How each row of seed-facts.tsv is reproduced by socai on the shipped journal: which command,
/// which unit, date and figure, and the published value it must give.
struct SeedFactExpectation: Sendable {
    var indicator: String
    var check: @Sendable (ShippedJournal, SeedFact) -> Void

    func verify(_ journal: ShippedJournal, _ fact: SeedFact) { check(journal, fact) }
}

enum SeedFactExpectations {
    typealias E = SeedFactExpectation

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// `replay --to date` gives `value` for the level figure.
    static func level(_ indicator: String, _ unit: String, _ key: String, _ date: String, _ value: Double) -> E {
        E(indicator: indicator) { j, f in
            #expect(number(j.figure(unit, key, at: date)) == value, "row \(f.row) \(f.indicator): \(unit) \(key) at \(date), published \(f.published)")
        }
    }

    /// A qualified level (">3700"): the value and its qualifier.
    static func qualified(_ indicator: String, _ unit: String, _ key: String, _ date: String, _ value: Double, _ qualifier: String) -> E {
        E(indicator: indicator) { j, f in
            let u = j.unit(unit, at: date)
            #expect(number((u["figures"] as? [String: Any])?[key]) == value, "row \(f.row)")
            #expect((u["qualifiers"] as? [String: Any])?[key] as? String == qualifier, "row \(f.row)")
        }
    }

    /// Several levels on several dates (`95 → 8 (−87)`): each value, and the change between the first and last.
    static func levels(_ indicator: String, _ unit: String, _ key: String, _ values: [(String, Double)], change: Double? = nil) -> E {
        E(indicator: indicator) { j, f in
            for (date, value) in values {
                #expect(number(j.figure(unit, key, at: date)) == value, "row \(f.row) \(key) at \(date)")
            }
            if let change, let first = number(j.figure(unit, key, at: values.first!.0)), let last = number(j.figure(unit, key, at: values.last!.0)) {
                #expect(last - first == change, "row \(f.row) change")
            }
        }
    }

    /// A total over a period shown by `replay` (the latest ending by `date`).
    static func period(_ indicator: String, _ unit: String, _ pairs: [(String, Double)], at date: String, qualifier: String = "exact") -> E {
        E(indicator: indicator) { j, f in
            for (key, value) in pairs {
                let figure = j.periodFigure(unit, key, at: date)
                #expect(number(figure?["value"]) == value, "row \(f.row) \(key)")
                #expect(figure?["qualifier"] as? String == qualifier, "row \(f.row) \(key) qualifier")
            }
        }
    }

    /// A flow in `term`.
    static func termFlow(_ indicator: String, _ unit: String, _ term: String, _ pairs: [(String, Double)]) -> E {
        E(indicator: indicator) { j, f in
            let flows = j.term(unit, term)["flows"] as? [String: Any]
            for (key, value) in pairs { #expect(number(flows?[key]) == value, "row \(f.row) \(key)") }
        }
    }

    /// A target in `term`: what it amounts to, the actual, the attainment.
    static func termTarget(_ indicator: String, _ unit: String, _ term: String, _ key: String, target: Double, actual: Double,
                           percent: Double, printed: (String, String)? = nil) -> E {
        E(indicator: indicator) { j, f in
            let t = (j.term(unit, term)["targets"] as? [String: Any])?[key] as? [String: Any]
            #expect(number(t?["target"]) == target, "row \(f.row) target")
            #expect(number(t?["actual"]) == actual, "row \(f.row) actual")
            #expect(number(t?["percent"]) == percent, "row \(f.row) percent")
            if let (name, classification) = printed {
                let finding = j.finding(unit, name)
                #expect(finding?.message.contains(classification) == true, "row \(f.row) printed \(name): \(String(describing: finding))")
            }
        }
    }

    /// A figure at the start and end of `term`, with the change.
    static func termFigure(_ indicator: String, _ unit: String, _ term: String, _ key: String, start: Double, end: Double,
                           change: Double, extra: [(String, Double)] = []) -> E {
        E(indicator: indicator) { j, f in
            let report = j.term(unit, term)
            let figure = (report["figures"] as? [String: Any])?[key] as? [String: Any]
            #expect(number(figure?["start"]) == start, "row \(f.row) start")
            #expect(number(figure?["end"]) == end, "row \(f.row) end")
            #expect(number(figure?["change"]) == change, "row \(f.row) change")
            for (flow, value) in extra { #expect(number((report["flows"] as? [String: Any])?[flow]) == value, "row \(f.row) \(flow)") }
        }
    }

    /// A rating tier as `term` shows it: a count, or for a printed share such as "15.2%" its
    /// number in `percent` (the count is then null: the document gave none).
    static func rating(_ indicator: String, _ unit: String, _ term: String, years: [Int], _ of: String, _ tier: String,
                       _ value: any Sendable, printed: (String, String)? = nil) -> E {
        E(indicator: indicator) { j, f in
            let ratings = j.term(unit, term)["ratings"] as? [String: Any]
            for year in years {
                let entry = (ratings?[String(year)] as? [String: Any])?[of] as? [String: Any]
                let got = entry?[tier]
                if let n = value as? Double { #expect(number(got) == n, "row \(f.row) \(year) \(tier)") } else if let share = value as? String,
                    share.hasSuffix("%"), let n = Double(share.dropLast()) {
                    #expect(got is NSNull || got == nil, "row \(f.row) \(year) \(tier): no count for a printed share")
                    #expect(number((entry?["percent"] as? [String: Any])?[tier]) == n, "row \(f.row) \(year) \(tier) percent")
                } else {
                    let expected = value as? String
                    #expect(got as? String == expected, "row \(f.row) \(year) \(tier): \(String(describing: got))")
                }
            }
            if let (name, classification) = printed {
                let finding = j.finding(unit, name)
                #expect(finding?.message.contains(classification) == true, "row \(f.row) printed \(name): \(String(describing: finding))")
            }
        }
    }

    /// A printed percentage `check` recomputes, with how it classifies it.
    static func printed(_ indicator: String, _ unit: String, _ name: String, stated: String, _ classification: String) -> E {
        E(indicator: indicator) { j, f in
            let finding = j.finding(unit, name)
            #expect(finding?.stated == stated, "row \(f.row) stated \(String(describing: finding))")
            #expect(finding?.message.contains(classification) == true, "row \(f.row): \(String(describing: finding?.message))")
        }
    }

    /// The conference or report of the article, in the unit's term.
    static func conference(_ indicator: String, _ unit: String, _ term: String, date: String, contains: String) -> E {
        E(indicator: indicator) { j, f in
            let conferences = j.term(unit, term)["conferences"] as? [[String: Any]] ?? []
            #expect(conferences.contains { $0["date"] as? String == date && ($0["text"] as? String ?? "").contains(contains) },
                    "row \(f.row): \(conferences)")
        }
    }

    static let all: [Int: E] = [
        1: conference("event", "dien-bien-phu", "2015-2020", date: "2018-05-16", contains: "22-NQ/TW (khóa X)"),
        2: level("so_tccsd (grassroots orgs)", "dien-bien-phu", "grassroots-orgs", "2018-05-16", 53),
        3: level("so_dang_vien (members)", "dien-bien-phu", "members", "2018-05-16", 5275),
        4: level("tccsd_co_quy_che_hoat_dong_pct", "dien-bien-phu", "grassroots-orgs-with-rules-share", "2018-05-16", 100),
        5: period("ket_nap_binh_quan_nam (avg admissions/yr)", "dien-bien-phu", [("admissions-per-year", 120)], at: "2018-05-16", qualifier: "about"),
        6: level("cbcc_xa_phuong_trung_cap_tro_len_pct", "dien-bien-phu", "commune-officials-intermediate-share", "2018-05-16", 100),
        7: level("cbcc_xa_phuong_cao_dang_dai_hoc_pct", "dien-bien-phu", "commune-officials-college-share", "2018-05-16", 51),
        8: level("nguoi_dung_dau_la_bi_thu_pct", "dien-bien-phu", "heads-as-secretaries-share", "2018-05-16", 100),
        9: qualified("thu_nhap_binh_quan_usd_nguoi_nam", "dien-bien-phu", "income-usd", "2018-05-16", 3700, "over"),
        10: conference("event", "dien-bien", "2015-2020", date: "2019-11-20", contains: "04-NQ/TU"),
        11: levels("thon_ban_chua_co_dang_vien", "dien-bien", "villages-without-members", [("2016-05-23", 95), ("2019-11-20", 8)], change: -87),
        12: printed("thon_ban_chua_co_dang_vien_ty_le_giam", "dien-bien", "villages-without-members-reduction", stated: "91.57", "truncated"),
        13: printed("thon_ban_chua_co_dang_vien_giam_binh_quan_nam", "dien-bien", "villages-without-members-reduction-per-year", stated: "30.52", "rounded"),
        14: E(indicator: "target_giam_moi_nam") { j, f in
            let targets = j.findings.filter { $0.kind == "target" && $0.unit == "dien-bien" }
            #expect(targets.contains { $0.figure == "villages-without-members-reduction-per-year" && $0.derived == "15..20" && $0.message.contains("exceeded") }, "row \(f.row)")
            #expect(targets.contains { $0.figure == "villages-without-cell-reduction-per-year" && $0.derived == "15..20" && $0.message.contains("met") }, "row \(f.row)")
        },
        15: levels("thon_ban_chua_co_chi_bo", "dien-bien", "villages-without-cell", [("2016-05-23", 328), ("2019-11-20", 135)], change: -193),
        16: printed("thon_ban_chua_co_chi_bo_ty_le_giam", "dien-bien", "villages-without-cell-reduction", stated: "58.84", "rounded"),
        17: printed("thon_ban_chua_co_chi_bo_giam_binh_quan_nam", "dien-bien", "villages-without-cell-reduction-per-year", stated: "19.61", "rounded"),
        18: levels("truong_hoc_chua_co_chi_bo", "dien-bien", "schools-without-cell", [("2016-05-23", 33), ("2019-11-20", 0)], change: -33),
        19: printed("truong_hoc_chua_co_chi_bo_giam_binh_quan_nam", "dien-bien", "schools-without-cell-reduction-per-year", stated: "33.3", "rounded"),
        20: levels("tram_y_te_chua_co_chi_bo", "dien-bien", "health-stations-without-cell", [("2016-05-23", 88), ("2019-11-20", 21)], change: -67),
        21: printed("tram_y_te_chua_co_chi_bo_ty_le_giam", "dien-bien", "health-stations-without-cell-reduction", stated: "76.13", "truncated"),
        22: printed("tram_y_te_chua_co_chi_bo_giam_binh_quan_nam", "dien-bien", "health-stations-without-cell-reduction-per-year", stated: "25.37", "truncated"),
        23: conference("event", "khoi-co-quan-tinh", "2015-2020", date: "2018-06-01", contains: "22-NQ/TW ngày 02/02/2008"),
        24: period("lop_boi_duong_doi_tuong_ket_nap", "khoi-co-quan-tinh", [("candidate-classes", 21), ("candidates-trained", 1372)], at: "2018-06-01"),
        25: period("lop_boi_duong_llct_dang_vien_du_bi", "khoi-co-quan-tinh", [("probationary-classes", 20), ("probationary-trained", 1235)], at: "2018-06-01"),
        26: period("lop_nghiep_vu_cong_tac_dang", "khoi-co-quan-tinh", [("party-work-classes", 10)], at: "2018-06-01"),
        27: period("ket_nap", "khoi-co-quan-tinh", [("admissions", 1206)], at: "2018-06-01"),
        28: E(indicator: "ket_nap_dai_hoc_tro_len") { j, f in
            #expect(number(j.periodFigure("khoi-co-quan-tinh", "admissions-with-degree", at: "2018-06-01")?["value"]) == 945, "row \(f.row)")
            let finding = j.finding("khoi-co-quan-tinh", "admissions-with-degree-share")
            #expect(finding?.severity == "error" && finding?.stated == "78.40" && finding?.derived == "78.36", "row \(f.row): \(String(describing: finding))")
        },
        29: period("chuyen_de_sinh_hoat_dang_ky", "khoi-co-quan-tinh", [("thematic-meetings-per-year", 800)], at: "2018-06-01", qualifier: "over"),
        30: period("kiem_tra", "khoi-co-quan-tinh", [("inspected-orgs", 356), ("inspected-members", 193)], at: "2018-06-01"),
        31: period("giam_sat_chuyen_de", "khoi-co-quan-tinh", [("supervised-orgs", 306), ("supervised-members", 213)], at: "2018-06-01"),
        32: period("ky_luat_dang_vien", "khoi-co-quan-tinh", [("disciplined-members", 92)], at: "2018-06-01"),
        33: conference("event", "dien-bien-phu", "2015-2020", date: "2020-08-14", contains: "Xây dựng, củng cố tổ chức cơ sở đảng"),
        34: level("cbccvc", "dien-bien-phu", "cadres", "2015-01-01", 1028),
        35: level("cbccvc_cao_dang_dai_hoc_pct", "dien-bien-phu", "cadres-college-share", "2015-01-01", 83),
        36: level("cbccvc_llct_cao_cap_cu_nhan_pct", "dien-bien-phu", "cadres-advanced-theory-share", "2015-01-01", 2.9),
        37: level("cbccvc_llct_trung_cap_pct", "dien-bien-phu", "cadres-intermediate-theory-share", "2015-01-01", 7.7),
        38: level("can_bo_cao_dang_dai_hoc_pct", "dien-bien-phu", "cadres-college-share", "2020-08-14", 88),
        39: level("can_bo_tren_dai_hoc_pct", "dien-bien-phu", "cadres-postgraduate-share", "2020-08-14", 1.8),
        40: level("can_bo_llct_trung_cap_pct", "dien-bien-phu", "cadres-intermediate-theory-share", "2020-08-14", 17),
        41: level("can_bo_llct_cao_cap_cu_nhan_pct", "dien-bien-phu", "cadres-advanced-theory-share", "2020-08-14", 4.2),
        42: rating("tccsd_hoan_thanh_tot_nhiem_vu_pct", "dien-bien-phu", "2015-2020", years: [2015, 2016, 2017, 2018, 2019],
                   "organizations", "good-or-better", ">70%"),
        43: rating("tccsd_yeu_kem", "dien-bien-phu", "2015-2020", years: [2015, 2016, 2017, 2018, 2019], "organizations", "failed", 0.0),
        44: rating("dang_vien_hoan_thanh_tot_nhiem_vu_pct", "dien-bien-phu", "2015-2020", years: [2015, 2016, 2017, 2018, 2019],
                   "members", "good-or-better", ">90%"),
        45: termFlow("ket_nap", "dien-bien-phu", "2015-2020", [("admissions", 492)]),
        46: termTarget("target_ket_nap_moi_nam", "dien-bien-phu", "2015-2020", "admissions-per-year", target: 450, actual: 492, percent: 109.33),
        47: termFlow("ket_nap", "muong-thanh", "2015-2020", [("admissions", 40)]),
        48: termFlow("kiem_tra_cap_uy", "dien-bien-phu", "2015-2020", [("inspected-orgs", 103), ("inspected-members", 6)]),
        49: termFlow("giam_sat_cap_uy", "dien-bien-phu", "2015-2020", [("supervised-orgs", 37), ("supervised-members", 21)]),
        50: conference("event", "sop-cop", "2020-2025", date: "2024-01-23", contains: "khóa IV, nhiệm kỳ 2020–2025"),
        51: level("chi_dang_bo_co_so", "sop-cop", "grassroots-orgs", "2023-12-31", 41),
        52: E(indicator: "dang_bo_co_so") { j, f in
            #expect(number(j.figure("sop-cop", "base-committees", at: "2023-12-31")) == 13, "row \(f.row)")
            #expect(number(j.figure("sop-cop", "base-cells", at: "2023-12-31")) == 28, "row \(f.row): 41 − 13 base cells")
        },
        53: level("chi_bo_truc_thuoc", "sop-cop", "cells", "2023-12-31", 159),
        54: level("so_dang_vien", "sop-cop", "members", "2023-12-31", 4014),
        55: E(indicator: "chi_dang_bo_co_so_tang") { j, f in
            let finding = j.finding("sop-cop", "grassroots-orgs-change")
            #expect(finding?.kind == "implausible-change" && finding?.stated == "17", "row \(f.row): \(String(describing: finding))")
        },
        56: termTarget("ket_nap_vs_chi_tieu", "sop-cop", "2020-2025", "admissions", target: 400, actual: 469, percent: 117.25,
                       printed: ("admissions-attainment", "117.25%, rounded")),
        57: termFlow("chi_bo_htx_thanh_lap", "sop-cop", "2020-2025", [("cooperative-cells-established", 1)]),
        58: termTarget("ket_nap_trong_dn_htx", "sop-cop", "2020-2025", "admissions-in-enterprises", target: 10, actual: 8, percent: 80),
        59: E(indicator: "ban_co_chi_uy") { j, f in
            #expect(number(j.figure("sop-cop", "villages-with-cell-committee", at: "2023-12-31")) == 86, "row \(f.row)")
            #expect(number(j.figure("sop-cop", "villages", at: "2023-12-31")) == 101, "row \(f.row)")
            let finding = j.finding("sop-cop", "villages-with-cell-committee-share")
            #expect(finding?.message.contains("only when rounded twice") == true && finding?.message.contains("rounded once it is 85.1%") == true,
                    "row \(f.row): \(String(describing: finding))")
        },
        60: levels("truong_ban_chua_la_dang_vien", "sop-cop", "village-heads-not-members", [("2021-12-31", 11), ("2023-12-31", 2)]),
        61: termFigure("sap_nhap_ban", "sop-cop", "2020-2025", "villages", start: 128, end: 101, change: -27,
                       extra: [("village-merger-rounds", 3)]),
        62: level("bi_thu_dong_thoi_truong_ban", "sop-cop", "secretaries-as-village-heads", "2023-12-31", 99),
        63: level("bi_thu_dong_thoi_truong_ban_cong_tac_mat_tran", "sop-cop", "secretaries-as-front-heads", "2023-12-31", 2),
        64: E(indicator: "tccsd_htxsnv") { j, f in
            rating("", "sop-cop", "2020-2025", years: [2023], "organizations", "excellent", 6.0).check(j, f)
            let finding = j.finding("sop-cop", "excellent-share")
            #expect(finding?.severity == "error" && finding?.message.contains("no count out of 41 gives 15.2%") == true, "row \(f.row)")
        },
        65: rating("tccsd_httnv", "sop-cop", "2020-2025", years: [2023], "organizations", "good", 32.0,
                   printed: ("good-share", "only when rounded twice")),
        66: rating("tccsd_htnv", "sop-cop", "2020-2025", years: [2023], "organizations", "completed", 3.0,
                   printed: ("completed-share", "rounded")),
        67: E(indicator: "tccsd_khtnv") { j, f in
            let entry = ((j.term("sop-cop", "2020-2025")["ratings"] as? [String: Any])?["2023"] as? [String: Any])?["organizations"] as? [String: Any]
            #expect(number(entry?["failed"]) == 0 && entry?["implied"] as? String == "failed", "row \(f.row): \(String(describing: entry))")
        },
        68: rating("dang_vien_htxsnv_pct", "sop-cop", "2020-2025", years: [2023], "members", "excellent", "15.2%"),
        69: E(indicator: "dang_vien_httnv_pct") { j, f in
            rating("", "sop-cop", "2020-2025", years: [2023], "members", "good", "75.3%").check(j, f)
            #expect(j.findings.contains { $0.kind == "excellence-cap" && $0.unit == "sop-cop" && $0.derived == "20.19%" }, "row \(f.row)")
        },
        70: rating("dang_vien_htnv_pct", "sop-cop", "2020-2025", years: [2023], "members", "completed", "8.5%"),
        71: rating("dang_vien_khtnv_pct", "sop-cop", "2020-2025", years: [2023], "members", "failed", "1%"),
        72: conference("chi_bo_quan_su_xa", "sop-cop", "2020-2025", date: "2024-01-23", contains: "thành lập chi bộ quân sự xã"),
    ]
}
