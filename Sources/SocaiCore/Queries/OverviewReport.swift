/// Everything the printed report (`socai export --format html`) shows about one unit, computed:
/// the members over time, admissions per year against the target, rating tiers per year, the
/// unit tree with its figures, and the `check` findings. Renderers only lay it out.
public struct OverviewReport: Sendable {
    /// One value of `members` at a date.
    public struct MemberPoint: Sendable, Hashable {
        public var date: CalendarDate
        public var value: Int
        /// The conference event that stated it (reported points only).
        public var seq: Int64?

        public init(date: CalendarDate, value: Int, seq: Int64? = nil) {
            self.date = date
            self.value = value
            self.seq = seq
        }
    }

    /// Members as documents stated them, and as socai derives them day by day.
    public struct MemberSeries: Sendable {
        /// Every count a document stated for the unit, by date (the latest statement for a date wins).
        public var reported: [MemberPoint]
        /// The level socai derives, sampled at every report date and every day with a flow (or at
        /// month ends when there are too many), in date order.
        public var derived: [MemberPoint]
    }

    /// Admissions in one calendar year of the term (the first and last years cut to the term).
    public struct AdmissionYear: Sendable {
        public var year: Int
        public var period: ClosedPeriod
        /// Nil when nothing was recorded for the year.
        public var actual: Int?
        public var provenance: Provenance?
    }

    /// A stated total of admissions over a period of more than one calendar year.
    public struct AdmissionPeriod: Sendable {
        public var period: ClosedPeriod
        public var value: FigureValue
        public var seq: Int64
    }

    /// The admissions target of the term, as one yearly figure to draw against the bars.
    public struct AdmissionTarget: Sendable {
        /// The target as set (`400` for the term, or `90` a year).
        public var target: Target
        /// Whether the congress set it per year (`admissions-per-year`) or for the term.
        public var isPerYear: Bool
        /// The yearly figure: the per-year target, or the term's target divided by its years.
        public var perYear: FixedDecimal?
        /// The term's years the division used.
        public var termYears: Int
        /// Admissions so far in the term, the term's target (per-year × years) and attainment.
        public var actual: Int?
        public var forTerm: FixedDecimal?
        public var percent: FixedDecimal?
        public var status: AttainmentStatus?
    }

    /// One year's ratings of one subject, as a stack of tiers.
    public struct RatingBar: Sendable {
        public struct Segment: Sendable {
            public var tier: RatingTier
            /// The count, when the document gave counts.
            public var count: Int?
            /// The tier's share of the rated in percent: computed from counts, or as printed.
            public var share: FixedDecimal?
            /// The value as the document stated it (count or printed share).
            public var stated: FigureValue?
        }

        public var year: Int
        public var subject: RatingSubject
        /// Best tier first; tiers the document left out are absent.
        public var segments: [Segment]
        public var rated: Int?
        /// "Good" as printed included "excellent" (good-or-better).
        public var goodOrBetter: FigureValue?
        public var seq: Int64
    }

    /// One unit in the tree under the report's unit, with its key figures at the report's date.
    public struct TreeUnit: Sendable {
        public var unit: ReplayReport.UnitState
        /// The figures of `keyFigures` the unit has, in that order.
        public var figures: [String: LevelValue]
    }

    public var unit: UnitID
    public var unitName: String
    public var kind: UnitKind?
    /// The report's date: figures are as of the end of it.
    public var to: CalendarDate
    public var knownAt: Instant?
    /// With `--boundaries`: the date whose units the figures are restated in (R8).
    public var boundaries: CalendarDate?
    /// The journal seq the report reflects.
    public var throughSeq: Int64
    public var term: TermReport
    public var members: MemberSeries
    public var admissions: [AdmissionYear]
    /// Admissions known only as totals over periods longer than a year (469 over 2020–2023): drawn
    /// as one mark across their years, never as years of zero.
    public var admissionPeriods: [AdmissionPeriod]
    public var admissionTarget: AdmissionTarget?
    /// Every year's ratings of the unit, for the years up to the report's, by year then subject.
    public var ratings: [RatingBar]
    /// The figure keys shown as columns of the unit tree, in catalogue order.
    public var keyFigures: [String]
    /// The unit first, then its subtree in tree order.
    public var tree: [TreeUnit]
    public var findings: CheckReport
    /// The mergers, dissolutions and moves of the subtree (and of the units the unit was formed
    /// from) from the start of the term's first year to the report's date: where members went.
    public var reorganisation: [ReorganisationStep]
}
