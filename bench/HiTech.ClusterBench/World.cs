using System.Collections.Concurrent;

namespace HiTech.ClusterBench;

/// <summary>One enterprise's assessment for one year, as the bench last knew it; one request at a time touches it.</summary>
public sealed class Desk(Guid id, string ownerToken)
{
    public Guid Id { get; } = id;

    public string OwnerToken { get; } = ownerToken;

    public string Status { get; set; } = "draft";

    /// <summary>The version the server answered last; unknown (null) after a submission until an assessor takes it.</summary>
    public int? Version { get; set; }

    /// <summary>The lowest version the server may hold: every acknowledged change is at or below it.</summary>
    public int MinVersion { get; set; }

    /// <summary>The employees figure of the last acknowledged save.</summary>
    public int? Employees { get; set; }

    /// <summary>A change went out and no answer came back (the node died): the server may or may not have made it.</summary>
    public bool Uncertain { get; set; }

    public int Acknowledged { get; set; }

    /// <summary>The last change acknowledged (save, submit, take, approve, return): what a loss would be a loss of.</summary>
    public string LastChange { get; set; } = "start";

    /// <summary>The assessor who took it: the one who approves or returns it.</summary>
    public string? AssessorToken { get; set; }
}

/// <summary>An introduction an enterprise sent to a provider, waiting for the provider's answer.</summary>
public sealed class Introduction(Guid id, string enterpriseToken, string providerToken, int version)
{
    public Guid Id { get; } = id;

    public string EnterpriseToken { get; } = enterpriseToken;

    public string ProviderToken { get; } = providerToken;

    public int Version { get; set; } = version;

    /// <summary>sent, accepted or declined, as last acknowledged.</summary>
    public string Status { get; set; } = "sent";

    public bool Uncertain { get; set; }
}

/// <summary>A need and a verified provider an introduction may go between.</summary>
public sealed record Pair(Guid NeedId, Guid ProviderId, string EnterpriseToken, string ProviderToken);

/// <summary>Everything the mix draws on: accounts, assessments by the stage they wait in, certificates, introductions.</summary>
public sealed class World
{
    public List<string> EnterpriseTokens { get; } = [];

    public List<string> AssessorTokens { get; } = [];

    public List<string> ProviderTokens { get; } = [];

    public string AnalystToken { get; set; } = "";

    public string AdminToken { get; set; } = "";

    public ConcurrentBag<Desk> Desks { get; } = [];

    /// <summary>Drafts and returned assessments: saved and submitted by their enterprise.</summary>
    public ConcurrentQueue<Desk> Editable { get; } = new();

    /// <summary>Submitted, not yet taken by an assessor.</summary>
    public ConcurrentQueue<Desk> Submitted { get; } = new();

    /// <summary>Taken by an assessor: approved or returned next.</summary>
    public ConcurrentQueue<Desk> Taken { get; } = new();

    public ConcurrentQueue<Pair> Unsent { get; } = new();

    public ConcurrentQueue<Introduction> Pending { get; } = new();

    public ConcurrentBag<Introduction> Introductions { get; } = [];

    private readonly List<string> _certificates = [];
    private readonly Lock _gate = new();

    public void AddCertificate(string id)
    {
        lock (_gate)
        {
            _certificates.Add(id);
        }
    }

    public string? Certificate(Random random)
    {
        lock (_gate)
        {
            return _certificates.Count == 0 ? null : _certificates[random.Next(_certificates.Count)];
        }
    }

    public int Certificates
    {
        get
        {
            lock (_gate)
            {
                return _certificates.Count;
            }
        }
    }

    /// <summary>Puts an assessment back in the queue its status belongs to.</summary>
    public void Park(Desk desk, bool taken = false)
    {
        switch (desk.Status)
        {
            case "draft" or "returned":
                Editable.Enqueue(desk);
                break;
            case "submitted" when taken:
                Taken.Enqueue(desk);
                break;
            case "submitted":
                Submitted.Enqueue(desk);
                break;
            default:
                break; // approved: nothing more to do
        }
    }
}
