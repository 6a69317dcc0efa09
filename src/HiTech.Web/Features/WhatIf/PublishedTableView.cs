using HiTech.Core.Analytics.WhatIf;

namespace HiTech.Web.Features.WhatIf;

/// <summary>What the _PublishedTable partial shows: a disclosed table, its caption and how its keys read in the user's language.</summary>
public sealed record PublishedTableView(string Id, string Caption, string RowHeading, PublishedTable Table, Func<string, string> Label);
