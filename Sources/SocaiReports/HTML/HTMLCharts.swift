import SocaiCore

/// The report's charts as inline SVG, drawn from report values (no data is computed here, only
/// laid out). Every mark carries a class so it can be counted: `circle.reported-point`,
/// `polyline.derived-line` (with `data-samples`), `rect.bar`, `line.target-line`.
public enum HTMLCharts {
    static let width = 720.0

    // MARK: - Members over time

    /// Reported counts as points, the derived level as a step line.
    public static func members(_ series: OverviewReport.MemberSeries, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        let all = series.reported + series.derived
        guard let firstDay = all.map(\.date.dayNumber).min(), let lastDay = all.map(\.date.dayNumber).max(),
              let low = all.map(\.value).min(), let high = all.map(\.value).max() else {
            return empty(t("No member figures recorded.", "Chưa ghi số đảng viên."))
        }
        let height = 270.0, left = 62.0, right = 18.0, top = 14.0, bottom = 46.0
        let pad = max(15, (lastDay - firstDay) / 40)
        let x = SVGGeometry.Scale(domain: (Double(firstDay - pad), Double(lastDay + pad)), range: (left, width - right))
        // Not from zero: members move by a few percent, which a zero-based axis would flatten.
        let margin = max(Double(high - low) * 0.1, Double(high) * 0.02, 5)
        let ticks = SVGGeometry.ticks(max(0, Double(low) - margin), Double(high) + margin, count: 5)
        let y = SVGGeometry.Scale(domain: (ticks.first!, ticks.last!), range: (height - bottom, top))
        let n = SVGGeometry.number

        var m = Markup()
        m.open("svg", [("class", "chart members-chart"), ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"),
                       ("aria-label", t("Members over time", "Số đảng viên theo thời gian"))])
        // Grid and axes.
        for tick in ticks {
            m.raw("<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>")
            m.open("text", [("class", "axis-label"), ("x", n(left - 6)), ("y", n(y(tick) + 4)), ("text-anchor", "end")])
            m.text(p.count(Int(tick)))
            m.close("text")
        }
        let firstYear = CalendarDate(dayNumber: firstDay - pad).year, lastYear = CalendarDate(dayNumber: lastDay + pad).year
        let yearStep = max(1, (lastYear - firstYear + 1) / 10)
        for year in stride(from: firstYear, through: lastYear + 1, by: yearStep) {
            let day = CalendarDate(year: year, month: 1, day: 1)!.dayNumber
            guard day >= firstDay - pad, day <= lastDay + pad else { continue }
            let px = x(Double(day))
            m.raw("<line class=\"grid year\" x1=\"\(n(px))\" x2=\"\(n(px))\" y1=\"\(n(top))\" y2=\"\(n(height - bottom))\"/>")
            m.open("text", [("class", "axis-label"), ("x", n(px)), ("y", n(height - bottom + 16)), ("text-anchor", "middle")])
            m.text(String(year))
            m.close("text")
        }
        m.raw("<line class=\"axis\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(height - bottom))\" y2=\"\(n(height - bottom))\"/>")

        // The derived level: a step line (a value holds until the next day it changes).
        if !series.derived.isEmpty {
            var points: [String] = []
            var previous: Double?
            for point in series.derived {
                let px = x(Double(point.date.dayNumber)), py = y(Double(point.value))
                if let previous { points.append(n(px) + "," + n(previous)) }
                points.append(n(px) + "," + n(py))
                previous = py
            }
            m.open("polyline", [("class", "derived-line"), ("data-samples", String(series.derived.count)),
                                ("points", points.joined(separator: " "))])
            m.open("title")
            m.text(t("Derived from the journal: ", "Tính từ sổ: ") + p.count(series.derived.last!.value) + " ("
                   + p.date(series.derived.last!.date) + ")")
            m.close("title")
            m.close("polyline")
        }
        // Reported counts: one point each.
        for point in series.reported {
            m.open("circle", [("class", "reported-point"), ("cx", n(x(Double(point.date.dayNumber)))),
                              ("cy", n(y(Double(point.value)))), ("r", "4.5")])
            m.open("title")
            m.text(p.date(point.date) + ": " + p.count(point.value) + t(" reported", " theo báo cáo")
                   + (point.seq.map { " (" + p.seq($0) + ")" } ?? ""))
            m.close("title")
            m.close("circle")
        }
        // Legend.
        let ly = height - 12
        m.raw("<line class=\"legend-line legend-derived\" x1=\"\(n(left))\" x2=\"\(n(left + 24))\" y1=\"\(n(ly - 4))\" y2=\"\(n(ly - 4))\"/>")
        m.open("text", [("class", "legend-label"), ("x", n(left + 30)), ("y", n(ly))])
        m.text(t("derived (reports + recorded flows)", "tính toán (báo cáo + biến động đã ghi)"))
        m.close("text")
        m.raw("<circle class=\"legend-point\" cx=\"\(n(left + 300))\" cy=\"\(n(ly - 4))\" r=\"4.5\"/>")
        m.open("text", [("class", "legend-label"), ("x", n(left + 310)), ("y", n(ly))])
        m.text(t("reported by a document", "số liệu báo cáo"))
        m.close("text")
        m.close("svg")
        return m.html
    }

    // MARK: - Admissions per year

    /// One bar per year of the term, a dashed line at the yearly target. A total stated over a
    /// period of several years (469 over 2020–2023) is one bar across its years, at its yearly
    /// average and labelled with its total and period: the years inside it are not years of
    /// zero, nor years without data. With no admissions and no target there is nothing to draw,
    /// and the chart says so rather than drawing an empty axis.
    public static func admissions(_ years: [OverviewReport.AdmissionYear], periods: [OverviewReport.AdmissionPeriod] = [],
                                  target: OverviewReport.AdmissionTarget?, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        func double(_ d: FixedDecimal) -> Double { Double(d.units) / Double(FixedDecimal.powerOfTen(d.scale)) }
        let perYear = target?.perYear.map(double)
        // Each period: the slots of the chart's years it covers, and its yearly average.
        let spans: [(period: OverviewReport.AdmissionPeriod, first: Int, last: Int, average: Double)] = periods.compactMap { period in
            guard let first = years.firstIndex(where: { $0.year >= period.period.from.year }),
                  let last = years.lastIndex(where: { $0.year <= period.period.to.year }), first <= last else { return nil }
            let days = Double(period.period.to.dayNumber - period.period.from.dayNumber + 1)
            return (period, first, last, double(period.value.amount) / max(days / 365.25, 1))
        }
        guard !years.isEmpty, years.contains(where: { ($0.actual ?? 0) > 0 }) || !spans.isEmpty || (perYear ?? 0) > 0 else {
            return empty(t("No admissions recorded in the term.", "Chưa ghi kết nạp trong nhiệm kỳ."))
        }
        let height = 262.0, left = 56.0, right = 18.0, top = 18.0, bottom = 50.0
        let peak = max(Double(years.compactMap(\.actual).max() ?? 0), spans.map(\.average).max() ?? 0, perYear ?? 0, 1)
        let ticks = SVGGeometry.ticks(0, peak * 1.12, count: 5, whole: true)
        let y = SVGGeometry.Scale(domain: (0, ticks.last!), range: (height - bottom, top))
        let slot = (width - left - right) / Double(years.count)
        let barWidth = min(64, slot * 0.6)
        let n = SVGGeometry.number

        var m = Markup()
        m.open("svg", [("class", "chart admissions-chart"), ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"),
                       ("aria-label", t("Admissions per year", "Kết nạp đảng viên theo năm"))])
        for tick in ticks {
            m.raw("<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>")
            m.open("text", [("class", "axis-label"), ("x", n(left - 6)), ("y", n(y(tick) + 4)), ("text-anchor", "end")])
            m.text(p.count(Int(tick)))
            m.close("text")
        }
        // Periods first, so that a year's own bar stands in front of a period crossing it.
        for span in spans {
            let from = left + slot * Double(span.first) + (slot - barWidth) / 2
            let to = left + slot * Double(span.last + 1) - (slot - barWidth) / 2
            let barTop = y(span.average)
            let period = span.period
            let label = p.figure(period.value) + " (" + String(period.period.from.year) + "–" + String(period.period.to.year)
                + ", ≈ " + p.count(Int(span.average.rounded())) + t(" a year", "/năm") + ")"
            m.open("rect", [("class", "bar admissions-period"), ("data-from", period.period.from.iso), ("data-to", period.period.to.iso),
                            ("data-value", period.value.description), ("x", n(from)), ("y", n(barTop)), ("width", n(to - from)),
                            ("height", n(max(0, height - bottom - barTop)))])
            m.open("title")
            m.text(p.figure(period.value) + t(" admitted ", " kết nạp ") + p.date(period.period.from) + " – " + p.date(period.period.to)
                   + " (" + p.seq(period.seq) + t("), about ", "), khoảng ") + p.count(Int(span.average.rounded()))
                   + t(" a year", "/năm"))
            m.close("title")
            m.close("rect")
            m.open("text", [("class", "bar-label period-label"), ("x", n((from + to) / 2)), ("y", n(barTop - 5)), ("text-anchor", "middle")])
            m.text(label)
            m.close("text")
        }
        for (i, year) in years.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let partial = year.period.from.month != 1 || year.period.from.day != 1
                || year.period.to.month != 12 || year.period.to.day != 31
            m.open("text", [("class", "axis-label"), ("x", n(cx)), ("y", n(height - bottom + 16)), ("text-anchor", "middle")])
            m.text(String(year.year) + (partial ? "*" : ""))
            m.close("text")
            guard let actual = year.actual else {
                // A year inside a stated period is drawn by the period's bar.
                guard !spans.contains(where: { $0.first <= i && i <= $0.last }) else { continue }
                m.open("text", [("class", "bar-label missing"), ("x", n(cx)), ("y", n(height - bottom - 6)), ("text-anchor", "middle")])
                m.text(p.dash)
                m.close("text")
                continue
            }
            let top = y(Double(actual))
            m.open("rect", [("class", "bar admissions-year"), ("data-year", String(year.year)), ("data-value", String(actual)),
                            ("x", n(cx - barWidth / 2)), ("y", n(top)), ("width", n(barWidth)),
                            ("height", n(max(0, height - bottom - top)))])
            m.open("title")
            m.text(String(year.year) + " (" + p.date(year.period.from) + " – " + p.date(year.period.to) + "): "
                   + p.count(actual) + (year.provenance.map { " · " + p.text($0.label) } ?? ""))
            m.close("title")
            m.close("rect")
            m.open("text", [("class", "bar-label"), ("x", n(cx)), ("y", n(top - 5)), ("text-anchor", "middle")])
            m.text(p.count(actual))
            m.close("text")
        }
        m.raw("<line class=\"axis\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(height - bottom))\" y2=\"\(n(height - bottom))\"/>")
        // Legend: the bars, and the target line when there is one.
        let ly = height - 8
        m.raw("<rect class=\"legend-swatch swatch-admissions\" x=\"\(n(left))\" y=\"\(n(ly - 9))\" width=\"12\" height=\"10\"/>")
        m.open("text", [("class", "legend-label"), ("x", n(left + 18)), ("y", n(ly))])
        m.text(p.text(LocalizedText(en: "admitted in the year", vi: "kết nạp trong năm")))
        m.close("text")
        if !spans.isEmpty {
            // Below the axis labels, where the target's legend does not reach.
            m.raw("<rect class=\"legend-swatch swatch-admissions-period\" x=\"\(n(left + 440))\" y=\"\(n(ly - 9))\" width=\"12\" height=\"10\"/>")
            m.open("text", [("class", "legend-label"), ("x", n(left + 458)), ("y", n(ly))])
            m.text(t("period total (a year on average)", "cả giai đoạn (bình quân/năm)"))
            m.close("text")
        }
        if let perYear, let target, let amount = target.perYear {
            let ty = y(perYear)
            m.open("line", [("class", "target-line"), ("x1", n(left)), ("x2", n(width - right)), ("y1", n(ty)), ("y2", n(ty))])
            m.open("title")
            m.text(targetText(target, amount, p))
            m.close("title")
            m.close("line")
            m.raw("<line class=\"legend-line legend-target\" x1=\"\(n(left + 190))\" x2=\"\(n(left + 214))\" y1=\"\(n(ly - 4))\" y2=\"\(n(ly - 4))\"/>")
            m.open("text", [("class", "legend-label"), ("x", n(left + 220)), ("y", n(ly))])
            m.text(targetText(target, amount, p))
            m.close("text")
        }
        m.close("svg")
        return m.html
    }

    static func targetText(_ target: OverviewReport.AdmissionTarget, _ amount: FixedDecimal, _ p: Presenter) -> String {
        if target.isPerYear {
            return p.text(LocalizedText(en: "target: \(p.decimal(amount)) a year", vi: "chỉ tiêu: \(p.decimal(amount))/năm"))
        }
        return p.text(LocalizedText(en: "target \(target.target.description) in \(target.termYears) years ≈ \(p.decimal(amount)) a year",
                                    vi: "chỉ tiêu \(target.target.description) trong \(target.termYears) năm ≈ \(p.decimal(amount))/năm"))
    }

    /// The term's admissions so far against its target, as one horizontal bar.
    public static func admissionsProgress(_ target: OverviewReport.AdmissionTarget, _ p: Presenter) -> String {
        guard let actual = target.actual, let forTerm = target.forTerm, forTerm.units > 0 else { return "" }
        let goal = Double(forTerm.units) / Double(FixedDecimal.powerOfTen(forTerm.scale))
        let height = 46.0, left = 8.0, right = 8.0
        let x = SVGGeometry.Scale(domain: (0, max(goal, Double(actual)) * 1.08), range: (left, width - right))
        let n = SVGGeometry.number
        var m = Markup()
        m.open("svg", [("class", "chart admissions-progress"), ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"),
                       ("aria-label", p.text(LocalizedText(en: "Admissions in the term against the target",
                                                           vi: "Kết nạp trong nhiệm kỳ so với chỉ tiêu")))])
        m.raw("<rect class=\"track\" x=\"\(n(left))\" y=\"10\" width=\"\(n(width - left - right))\" height=\"18\" rx=\"3\"/>")
        m.open("rect", [("class", "bar admissions-total" + (target.status == .below ? " below" : "")), ("data-value", String(actual)),
                        ("x", n(left)), ("y", "10"), ("width", n(x(Double(actual)) - left)), ("height", "18"), ("rx", "3")])
        m.open("title")
        m.text(p.count(actual) + " / " + p.decimal(forTerm) + (target.percent.map { " (" + p.percent($0) + ")" } ?? ""))
        m.close("title")
        m.close("rect")
        let gx = x(goal)
        m.raw("<line class=\"target-line\" x1=\"\(n(gx))\" x2=\"\(n(gx))\" y1=\"4\" y2=\"34\"/>")
        m.open("text", [("class", "target-label"), ("x", n(gx)), ("y", "44"), ("text-anchor", "middle")])
        m.text(p.decimal(forTerm))
        m.close("text")
        m.close("svg")
        return m.html
    }

    // MARK: - Ratings

    static let tierOrder = RatingTier.allCases

    /// One stacked bar per year for one subject: each tier's share of those rated.
    public static func ratings(_ bars: [OverviewReport.RatingBar], subject: RatingSubject, _ p: Presenter) -> String {
        func t(_ en: String, _ vi: String) -> String { p.text(LocalizedText(en: en, vi: vi)) }
        let bars = bars.filter { $0.subject == subject }
        guard !bars.isEmpty else { return "" }
        let height = 240.0, left = 48.0, right = 170.0, top = 14.0, bottom = 34.0
        let y = SVGGeometry.Scale(domain: (0, 100), range: (height - bottom, top))
        let slot = min(110, (width - left - right) / Double(bars.count))
        let barWidth = min(56, slot * 0.62)
        let n = SVGGeometry.number
        var m = Markup()
        m.open("svg", [("class", "chart ratings-chart"), ("data-subject", subject.rawValue),
                       ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"),
                       ("aria-label", t("Ratings per year: ", "Xếp loại theo năm: ") + p.text(subject.label))])
        for tick in stride(from: 0.0, through: 100.0, by: 25.0) {
            m.raw("<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + slot * Double(bars.count)))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>")
            m.open("text", [("class", "axis-label"), ("x", n(left - 6)), ("y", n(y(tick) + 4)), ("text-anchor", "end")])
            m.text(p.count(Int(tick)) + "%")
            m.close("text")
        }
        for (i, bar) in bars.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            m.open("g", [("class", "rating-bar"), ("data-year", String(bar.year)), ("data-subject", bar.subject.rawValue)])
            let total = bar.segments.compactMap(\.share).reduce(0.0) { $0 + share($1) }
            let scale = total > 100 ? 100 / total : 1
            var base = 0.0
            for segment in bar.segments {
                guard let value = segment.share else { continue }
                let h = share(value) * scale
                let y0 = y(base + h), y1 = y(base)
                m.open("rect", [("class", "bar tier tier-\(segment.tier.rawValue)"), ("data-tier", segment.tier.rawValue),
                                ("x", n(cx - barWidth / 2)), ("y", n(y0)), ("width", n(barWidth)), ("height", n(max(0, y1 - y0)))])
                m.open("title")
                var tip = String(bar.year) + " · " + p.text(segment.tier.label(year: bar.year, subject: bar.subject)) + ": "
                if let count = segment.count { tip += p.count(count) + " (" + p.percent(value) + ")" } else { tip += p.percent(value) }
                // The share belongs to the disjoint count; a printed good-or-better is labelled as the cumulative it is (R6).
                if segment.tier == .good, let both = bar.goodOrBetter {
                    tip += p.text(LocalizedText(en: " [good or better, cumulative: ", vi: " [tốt trở lên, cộng dồn: ")) + p.figure(both) + "]"
                }
                m.text(tip)
                m.close("title")
                m.close("rect")
                if y1 - y0 >= 13 {
                    m.open("text", [("class", "segment-label tier-\(segment.tier.rawValue)"), ("x", n(cx)), ("y", n((y0 + y1) / 2 + 4)),
                                    ("text-anchor", "middle")])
                    m.text(segment.count.map(p.count) ?? p.percent(value))
                    m.close("text")
                }
                base += h
            }
            m.open("text", [("class", "axis-label"), ("x", n(cx)), ("y", n(height - bottom + 16)), ("text-anchor", "middle")])
            m.text(String(bar.year))
            m.close("text")
            if let rated = bar.rated {
                m.open("text", [("class", "axis-label small"), ("x", n(cx)), ("y", n(height - bottom + 29)), ("text-anchor", "middle")])
                m.text("n = " + p.count(rated))
                m.close("text")
            }
            m.close("g")
        }
        // Legend, named after the newest year's regulation.
        let year = bars.map(\.year).max()!
        for (i, tier) in tierOrder.enumerated() {
            let ly = top + 8 + Double(i) * 22
            let lx = width - right + 14
            m.raw("<rect class=\"legend-swatch tier-\(tier.rawValue)\" x=\"\(n(lx))\" y=\"\(n(ly - 10))\" width=\"12\" height=\"12\"/>")
            m.open("text", [("class", "legend-label"), ("x", n(lx + 18)), ("y", n(ly))])
            m.text(p.text(p.language == .vi ? tierAbbreviation(tier, year: year, subject: subject)
                                            : tier.label(year: year, subject: subject)))
            m.close("text")
        }
        m.close("svg")
        return m.html
    }

    /// HTXSNV, HTTNV, HTNV, KHTNV (and the pre-2018 organisation names, which are short already).
    static func tierAbbreviation(_ tier: RatingTier, year: Int, subject: RatingSubject) -> LocalizedText {
        let name = tier.label(year: year, subject: subject)
        switch name.vi {
        case "Hoàn thành xuất sắc nhiệm vụ": return LocalizedText(en: name.en, vi: "HTXSNV (xuất sắc)")
        case "Hoàn thành tốt nhiệm vụ": return LocalizedText(en: name.en, vi: "HTTNV (tốt)")
        case "Hoàn thành nhiệm vụ": return LocalizedText(en: name.en, vi: "HTNV")
        case "Không hoàn thành nhiệm vụ": return LocalizedText(en: name.en, vi: "KHTNV")
        default: return name
        }
    }

    static func share(_ d: FixedDecimal) -> Double { Double(d.units) / Double(FixedDecimal.powerOfTen(d.scale)) }

    static func empty(_ message: String) -> String {
        var m = Markup()
        m.element("p", [("class", "empty")], text: message)
        return m.html
    }
}
