using System.Reflection;
using System.Text.RegularExpressions;

namespace EdaService.UnitTests.GuardRails;

/// <summary>Every message the service sends or publishes is a type of the contracts project.</summary>
internal static partial class PublishedContractRule
{
    public const string Lesson =
        "every message this service sends or publishes is declared in the contracts project: consumers reference that project, " +
        "its types are the versioned, validated wire format, and a type declared in the service is a contract nobody can see";

    /// <param name="sources">The service's source files (not the contracts').</param>
    /// <param name="contracts">The contracts project's types.</param>
    /// <param name="methods">Methods whose return value may be published (e.g. Order.ToAcceptedEvent()), to resolve its type.</param>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> sources, IReadOnlyCollection<Type> contracts, IEnumerable<MethodInfo> methods)
    {
        var contractNames = contracts.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var returnTypes = methods.ToLookup(m => m.Name, m => m.ReturnType);
        var violations = new List<string>();
        foreach (var (file, source) in sources)
        {
            // Comment lines are blanked, not removed, so line numbers stay right.
            var text = Regex.Replace(source, @"^[ \t]*//.*$", "", RegexOptions.Multiline);
            foreach (Match call in OutgoingCall().Matches(text))
            {
                if (MovesSerializedMessage(text, call))
                {
                    continue;
                }

                var line = text[..call.Index].Count(c => c == '\n') + 1;
                var where = $"{file}:{line}: {call.Groups["verb"].Value}";
                var argument = call.Groups["arg"].Value;
                var published = ResolveType(text, argument, returnTypes, contracts);
                if (published is null)
                {
                    violations.Add($"{where} of '{argument}', whose type the guard rail cannot tell: publish `new TheEvent(...)`, a variable " +
                                   $"assigned from one, or a method returning it. Lesson: {Lesson}.");
                }
                else if (!contractNames.Contains(published))
                {
                    violations.Add($"{where} of {published}, which is not declared in the contracts project. Lesson: {Lesson}.");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// ITransport.Send(destination, transportMessage, transactionContext) moves a message that was already serialized
    /// (replay, forwarding, a transport decorator); only the bus creates new ones. Exactly that shape, three arguments
    /// with a transaction context last: a bus call that merely mentions a transaction context is still checked.
    /// </summary>
    private static bool MovesSerializedMessage(string text, Match call)
    {
        var arguments = new List<string>();
        var depth = 0;
        var start = call.Groups["verb"].Index + call.Groups["verb"].Length + 1;
        for (var i = start; i < text.Length && depth >= 0; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    arguments.Add(text[start..i]);
                    start = i + 1;
                    break;
            }

            if (depth < 0)
            {
                arguments.Add(text[start..i]);
            }
        }

        return arguments.Count == 3 && TransactionContextArgument().IsMatch(arguments[2]);
    }

    private static string? ResolveType(string text, string argument, ILookup<string, Type> returnTypes, IReadOnlyCollection<Type> contracts)
    {
        if (NewExpression().Match(argument) is { Success: true } created)
        {
            return created.Groups[1].Value;
        }

        if (MethodCall().Match(argument) is { Success: true } call && returnTypes.Contains(call.Groups[1].Value))
        {
            var types = returnTypes[call.Groups[1].Value].Select(Unwrap).Distinct().ToList();
            return types.Count == 1 ? types[0].Name : null;
        }

        if (Regex.IsMatch(argument, @"^\w+$"))
        {
            var declared = Regex.Match(text, $@"\b{argument}\s*=\s*new\s+(\w+)");
            if (!declared.Success)
            {
                declared = Regex.Match(text, $@"\b(\w+)\??\s+{argument}\s*[=;,)]");
            }

            return declared.Success && declared.Groups[1].Value != "var" ? declared.Groups[1].Value : null;
        }

        return null;
    }

    private static Type Unwrap(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;

    // bus.Publish(x), bus.Send(x), bus.SendLocal(x), bus.Reply(x), bus.Defer(delay, x), bus.Advanced.Routing.Send(queue, x);
    // a transport message deferred as is (bus.Advanced.TransportMessage.Defer) is not a new message.
    [GeneratedRegex(@"(?<!TransportMessage)(?<routed>Routing)?\.(?<verb>Publish|Send|SendLocal|Reply|(?<delayed>Defer|DeferLocal))\(\s*(?(delayed)[^,]+,\s*)(?(routed)[^,]+,\s*)(?<arg>new\s+\w+|\w+(?:\.\w+)*\(|\w+)", RegexOptions.ExplicitCapture)]
    private static partial Regex OutgoingCall();

    [GeneratedRegex(@"(?i)(transaction)?context\s*$")]
    private static partial Regex TransactionContextArgument();

    [GeneratedRegex(@"^new\s+(\w+)$")]
    private static partial Regex NewExpression();

    [GeneratedRegex(@"(\w+)\($")]
    private static partial Regex MethodCall();
}
