namespace HiTech.Web.Features.Notifications;

/// <summary>The marker the Notifications feature's Malayalam strings hang on (Resources/Features/Notifications/NotificationsText.ml.resx).</summary>
public sealed class NotificationsText;
