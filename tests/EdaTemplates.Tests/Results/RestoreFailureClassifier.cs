using System.Text.RegularExpressions;

namespace EdaTemplates.Tests.Results;

/// <summary>Packages that could not be found in any configured NuGet source, and the NuGet codes that said so.</summary>
public sealed record UnavailablePackages(IReadOnlyList<string> PackageIds, IReadOnlyList<string> Codes);

/// <summary>
/// Tells a restore that failed only because of packages the local NuGet mirror is known not to serve
/// from any other restore failure.
/// </summary>
public static partial class RestoreFailureClassifier
{
    /// <summary>Packages the template uses that this environment's NuGet mirror does not serve.</summary>
    public static IReadOnlyList<string> PackagesKnownMissingFromMirror { get; } = ["Rebus.SqlServer", "Rebus.AzureServiceBus"];

    private static readonly string[] MissingPackageCodes = ["NU1101", "NU1102"];

    /// <summary>
    /// Returns the unavailable packages when every error in <paramref name="restoreOutput"/> is NU1101/NU1102 about a
    /// package in <see cref="PackagesKnownMissingFromMirror"/>; null when any other error occurred or none was found.
    /// </summary>
    public static UnavailablePackages? FindOnlyKnownMissingPackages(string restoreOutput)
    {
        var packages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var codes = new SortedSet<string>(StringComparer.Ordinal);

        foreach (Match error in ErrorLine().Matches(restoreOutput))
        {
            var code = error.Groups["code"].Value;
            if (!MissingPackageCodes.Contains(code))
            {
                return null;
            }

            var message = error.Groups["message"].Value;
            var missing = MissingPackage().Match(message);
            if (!missing.Success)
            {
                // NU1102 continues over several lines ("  - Found 2 version(s) in ..."); those name no package.
                if (code == "NU1102" && message.TrimStart().StartsWith('-'))
                {
                    continue;
                }

                return null;
            }

            var packageId = missing.Groups["id"].Value;
            if (!PackagesKnownMissingFromMirror.Contains(packageId, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            packages.Add(packageId);
            codes.Add(code);
        }

        return packages.Count == 0 ? null : new UnavailablePackages([.. packages], [.. codes]);
    }

    // MSBuild's canonical form: "<origin> : error NU1101: <message>"; the code may be missing on some errors.
    [GeneratedRegex(@"(?:^|[\s:])error\s*(?<code>[A-Z]+[0-9]+)?\s*:(?<message>.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    // "Unable to find package Rebus.SqlServer. No packages exist ..." / "Unable to find package Rebus.SqlServer with version (>= 8.1.0)"
    [GeneratedRegex(@"Unable to find package (?<id>[A-Za-z0-9_.\-]+?)(?:\.?\s|\.?$)")]
    private static partial Regex MissingPackage();
}
