namespace HiTech.Web.Features.Analytics;

/// <summary>What the _GroupTable partial shows: one published table with its caption and first column's name.</summary>
public sealed record GroupTableView(string Id, string Caption, string GroupColumn, PublishedTable Table, IndexModel Page);
