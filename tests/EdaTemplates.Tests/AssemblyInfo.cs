using EdaTemplates.Tests.Variants;
using Xunit.Sdk;

// Each variant restores and builds a whole solution; on a 2-core machine running them side by side only thrashes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: RegisterXunitSerializer(typeof(VariantSerializer), typeof(Variant))]
