using System.Text.RegularExpressions;

namespace EdaService.UnitTests.GuardRails;

/// <summary>Every handler does its work through the unit of work, named after itself.</summary>
internal static class HandlerUnitOfWorkRule
{
    public const string Lesson =
        "a handler writes and publishes only inside IUnitOfWork.ExecuteAsync(nameof(TheHandler), ...) (or an ApplyAsync(nameof(TheHandler), ...) helper built on it)"
#if (UseOutbox)
        + ": there the business write and the outgoing messages commit in one transaction (no dual write)"
#else
        + ": there the business write commits in one transaction before anything is sent"
#endif
#if (UseIdempotency)
        + ", and the message is recorded under the handler's name, so a redelivery has no second effect; the name must be the handler's own"
#endif
        ;

    public static IReadOnlyList<string> Check(IEnumerable<string> handlerNames, IReadOnlyDictionary<string, string> sources)
    {
        var violations = new List<string>();
        foreach (var handler in handlerNames)
        {
            var file = SourceTree.FileDeclaring(sources, handler);
            var goesThroughUnitOfWork = sources.TryGetValue(file, out var text)
                && Regex.IsMatch(text, $@"\b(ExecuteAsync|ApplyAsync)\(\s*nameof\(\s*{Regex.Escape(handler)}\s*\)");
            if (!goesThroughUnitOfWork)
            {
                violations.Add($"{file}: {handler} does not call ExecuteAsync(nameof({handler}), ...). Lesson: {Lesson}.");
            }
        }

        return violations;
    }
}
