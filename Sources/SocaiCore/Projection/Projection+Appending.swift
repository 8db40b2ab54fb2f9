extension Projection {
    /// This projection with `events` folded after it, as another projection: what a dry run
    /// shows the journal would answer. Nil when this projection already has an overlay (an image
    /// and the events after it); fold the journal whole first.
    public func appending(_ events: [EventEnvelope]) -> Projection? {
        guard parts.count == 1 else { return nil }
        var builder = ProjectionBuilder(continuing: self)
        for event in events { builder.apply(event) }
        return try? Projection(image: parts[0].reader.storage, overlay: builder.image(journalID: journalID, chainHash: chainHash))
    }
}
