namespace EdaTemplates.Soak.Load;

/// <summary>
/// How far the feeder may go: up to the next disruption's share of the messages until that disruption began, so a fast
/// service cannot finish the stream before the kills and the outage happen, and messages keep arriving during them.
/// </summary>
internal sealed class FeedGate
{
    private long _limit;

    public int Limit => (int)Interlocked.Read(ref _limit);

    public void OpenTo(int messages) => Interlocked.Exchange(ref _limit, messages);
}
