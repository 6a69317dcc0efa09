namespace HiTech.Fuzz;

/// <summary>
/// One reader under fuzzing. <see cref="Run"/> feeds it the raw bytes of a file; a refusal the reader documents
/// (an error list, or the exception type it promises) is a normal return, and anything else that escapes, or a
/// broken promise (<see cref="BrokenRuleException"/>), is a crash for AFL and a failure for the corpus replay.
/// </summary>
public sealed record FuzzTarget(string Name, string Reads, Action<byte[]> Feed, Type? DocumentedError = null)
{
    public void Run(byte[] input)
    {
        try
        {
            Feed(input);
        }
        catch (Exception e) when (DocumentedError is not null && e.GetType() == DocumentedError)
        {
            // The reader's own way of saying no.
        }
    }
}

/// <summary>Thrown by a target when a reader returns normally but breaks one of its own documented rules.</summary>
public sealed class BrokenRuleException(string message) : Exception(message);
