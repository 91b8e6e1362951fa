namespace EdaTemplates.Soak.Load;

/// <summary>
/// How far the feeder may go: up to the next disruption's share of the messages until that disruption began, so a fast
/// service cannot finish the stream before the kills and the outage happen, and messages keep arriving during them.
/// </summary>
internal sealed class FeedGate
{
    private long _limit;

    public int Limit => (int)Interlocked.Read(ref _limit);

    /// <summary>Lets the feeder go up to this many messages; never closes what is already open.</summary>
    public void OpenTo(int messages)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _limit);
        }
        while (messages > current && Interlocked.CompareExchange(ref _limit, messages, current) != current);
    }
}
