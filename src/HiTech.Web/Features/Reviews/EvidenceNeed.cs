namespace HiTech.Web.Features.Reviews;

/// <summary>
/// Whether an assessor may mark an input verified without a document: only when the framework's evidence section
/// (what each tier needs document-backed or verified) names no requirement for it. An input some tier needs evidence
/// for is verified against a document, never on the assessor's word alone.
/// </summary>
public static class EvidenceNeed
{
    public static bool NeedsDocument(CompiledFramework framework, string inputId) =>
        framework.Definition.Evidence.Any(e => e.Level != EvidenceLevel.SelfDeclared && e.Inputs.Contains(inputId, StringComparer.Ordinal));

    public static bool CanVerify(CompiledFramework framework, string inputId, bool hasDocument) => hasDocument || !NeedsDocument(framework, inputId);
}
