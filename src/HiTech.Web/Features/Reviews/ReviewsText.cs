namespace HiTech.Web.Features.Reviews;

/// <summary>Marker for the review strings: Resources/Features/Reviews/ReviewsText.ml.resx (English is the key).</summary>
public sealed class ReviewsText
{
}
