using System.Collections.Concurrent;
using HiTech.Core.Scoring;

namespace HiTech.Web.Infrastructure.Frameworks;

/// <summary>
/// Compiled frameworks by id and version. A published version never changes, so a node compiles each once
/// and keeps it; several stateless nodes each hold their own copy.
/// </summary>
public sealed class FrameworkCache(ActivityClassifier classifier)
{
    private readonly ConcurrentDictionary<(string Id, string Version), CompiledFramework> _compiled = new();

    public bool TryGet(string id, string version, out CompiledFramework framework) => _compiled.TryGetValue((id, version), out framework!);

    public CompiledFramework GetOrCompile(string id, string version, Func<string> yaml) =>
        _compiled.GetOrAdd((id, version), key =>
        {
            var result = FrameworkLoader.Load(yaml(), $"{key.Id}/{key.Version}/framework.yaml", classifier.SectorIds);
            return result.Framework ?? throw new InvalidOperationException(
                $"Stored framework {key.Id} {key.Version} does not validate: {string.Join("; ", result.Errors)}");
        });
}
