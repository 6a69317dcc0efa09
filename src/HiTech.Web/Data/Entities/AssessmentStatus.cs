namespace HiTech.Web.Data.Entities;

public enum AssessmentStatus
{
    /// <summary>Being filled in by the enterprise.</summary>
    Draft,

    /// <summary>Submitted: a provisional result exists; waiting for an assessor.</summary>
    Submitted,

    /// <summary>Sent back to the enterprise with comments.</summary>
    Returned,

    /// <summary>Approved by an assessor: the result is final and can be certified.</summary>
    Approved,
}
