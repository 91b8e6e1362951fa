namespace EdaService.KillSwitch;

/// <summary>
/// Attempts and failures over a sliding window, kept in a fixed number of time slices so memory and cost stay constant
/// at any message rate. Not thread-safe: <see cref="KillSwitchStateMachine"/> holds its lock.
/// </summary>
internal sealed class FailureWindow(TimeSpan window)
{
    private const int Slices = 10;
    private readonly long _sliceTicks = Math.Max(1, window.Ticks / Slices);
    private readonly Slice[] _slices = new Slice[Slices];

    public void Record(DateTimeOffset now, bool failed)
    {
        var index = now.UtcTicks / _sliceTicks;
        ref var slice = ref _slices[index % Slices];
        if (slice.Index != index)
        {
            slice = new Slice { Index = index };
        }

        slice.Attempts++;
        if (failed)
        {
            slice.Failures++;
        }
    }

    public (int Attempts, int Failures) Totals(DateTimeOffset now)
    {
        var current = now.UtcTicks / _sliceTicks;
        int attempts = 0, failures = 0;
        foreach (var slice in _slices)
        {
            if (slice.Index > current - Slices && slice.Index <= current)
            {
                attempts += slice.Attempts;
                failures += slice.Failures;
            }
        }

        return (attempts, failures);
    }

    public void Clear() => Array.Clear(_slices);

    private struct Slice
    {
        public long Index;
        public int Attempts;
        public int Failures;
    }
}
