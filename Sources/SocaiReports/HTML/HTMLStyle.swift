/// The report's style sheet, inlined into every document: system fonts only (nothing fetched),
/// an A4 page on screen and on paper, charts kept whole across page breaks.
enum HTMLStyle {
    static let css = """
    :root {
      --ink: #1d2430; --muted: #5b6575; --rule: #d9dee6; --paper: #ffffff; --desk: #eef1f5;
      --accent: #9b1c1c; --derived: #2563a8; --reported: #c2410c; --bar: #3b7dd8; --target: #9b1c1c;
      --excellent: #17803d; --good: #3b82c4; --completed: #e0b43c; --failed: #c2374a;
    }
    * { box-sizing: border-box; }
    html { background: var(--desk); }
    body { margin: 0; color: var(--ink); font: 10.5pt/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    .page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 14mm 14mm 12mm; background: var(--paper);
            box-shadow: 0 1px 4px rgba(0,0,0,.15); }
    .report-header { border-bottom: 3px solid var(--accent); padding-bottom: 3mm; margin-bottom: 5mm; }
    .kicker { margin: 0; color: var(--accent); font-size: 8.5pt; letter-spacing: .06em; text-transform: uppercase; font-weight: 600; }
    h1 { margin: 1mm 0 1.5mm; font-size: 20pt; line-height: 1.2; }
    h2 { margin: 0 0 2mm; font-size: 13pt; color: var(--accent); }
    h3 { margin: 1mm 0; font-size: 10.5pt; }
    .subtitle { margin: 0; color: var(--muted); }
    .kpis { display: flex; gap: 3mm; margin-bottom: 5mm; }
    .kpi { flex: 1; border: 1px solid var(--rule); border-radius: 2mm; padding: 2.5mm 3mm; }
    .kpi-label { font-size: 8.5pt; color: var(--muted); }
    .kpi-value { font-size: 17pt; font-weight: 700; font-variant-numeric: tabular-nums; }
    .kpi-note { font-size: 8.5pt; color: var(--muted); }
    .kpi-check.ok .kpi-value { color: var(--excellent); }
    .kpi-check.bad .kpi-value { color: var(--failed); }
    .block { margin-bottom: 5mm; }
    figure.chart-box { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 8.5pt; color: var(--muted); }
    svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
    svg .grid { stroke: #e6e9ee; stroke-width: 1; }
    svg .grid.year { stroke: #eef0f3; }
    svg .axis { stroke: #8a93a3; stroke-width: 1; }
    svg .axis-label { fill: var(--muted); font-size: 11px; }
    svg .axis-label.small { font-size: 9.5px; }
    svg .legend-label { fill: var(--ink); font-size: 11px; }
    svg .derived-line, svg .legend-derived { fill: none; stroke: var(--derived); stroke-width: 2; stroke-linejoin: round; }
    svg .swatch-admissions { fill: var(--bar); }
    svg .reported-point, svg .legend-point { fill: var(--reported); stroke: #fff; stroke-width: 1.5; }
    svg .bar.admissions-year { fill: var(--bar); }
    svg .bar.admissions-period, svg .swatch-admissions-period { fill: var(--bar); fill-opacity: 0.35; stroke: var(--bar); stroke-dasharray: 4 3; }
    svg .bar-label { fill: var(--ink); font-size: 11px; font-weight: 600; }
    svg .bar-label.missing { fill: var(--muted); font-weight: 400; }
    svg .target-line, svg .legend-target { stroke: var(--target); stroke-width: 1.6; stroke-dasharray: 6 4; }
    svg .target-label { fill: var(--target); font-size: 11px; font-weight: 600; }
    svg .track { fill: #edf0f4; }
    svg .bar.admissions-total { fill: var(--excellent); }
    svg .bar.admissions-total.below { fill: var(--completed); }
    svg .tier-excellent { fill: var(--excellent); }
    svg .tier-good { fill: var(--good); }
    svg .tier-completed { fill: var(--completed); }
    svg .tier-failed { fill: var(--failed); }
    svg .bar.tier { stroke: #fff; stroke-width: 1; }
    svg .segment-label { fill: #fff; font-size: 10.5px; font-weight: 600; }
    svg .segment-label.tier-completed { fill: var(--ink); }
    table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-bottom: 3mm; }
    th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--ink); padding: 1mm 1.5mm; }
    td { border-bottom: 1px solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .unit-cell .name { font-weight: 600; }
    .unit-cell .id { display: block; color: var(--muted); font-size: 8pt; }
    table.unit-tree td.unit-cell { width: 42%; }
    table.findings td.nowrap { white-space: nowrap; }
    th.figure-head { white-space: normal; vertical-align: bottom; font-size: 8.5pt; max-width: 28mm; }
    .unit-cell .status { display: block; color: var(--muted); font-size: 8.5pt; }
    tr.closed td { color: var(--muted); }
    td.prov-reported { font-weight: 700; }
    td.prov-rolled-up { font-style: italic; }
    .legend-note { font-size: 8.5pt; color: var(--muted); margin: 0; }
    tr.finding td.severity { font-weight: 700; white-space: nowrap; }
    tr.finding.error td.severity { color: var(--failed); }
    tr.finding.warning td.severity { color: #b7791f; }
    tr.finding.note td { color: var(--muted); }
    td.date { white-space: nowrap; }
    ul.events { margin: 0; padding: 0; list-style: none; font-size: 9.5pt; }
    ul.events li { padding: .6mm 0; border-bottom: 1px solid var(--rule); }
    ul.events .date { display: inline-block; min-width: 22mm; color: var(--muted); font-variant-numeric: tabular-nums; }
    ul.events .seq { color: var(--muted); font-size: 8pt; }
    p.empty { color: var(--muted); font-style: italic; }
    p.ok { color: var(--excellent); font-weight: 600; }
    .report-footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid var(--rule); color: var(--muted); font-size: 8pt; }
    @page { size: A4; margin: 12mm 11mm 14mm; }
    @media print {
      html { background: none; }
      .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
      .unit-report + .unit-report { break-before: page; page-break-before: always; }
      h2 { break-after: avoid; page-break-after: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
