using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HiTech.Web.Features.Shared;

/// <summary>
/// The errors the GOV.UK error summary lists, in the order the fields appear on the page: whole-form errors (key "")
/// first, then each field's errors in the page's field order, then any field the page did not name (the model state keeps its
/// keys sorted, not in the order errors were added, so without an order a page would list them alphabetically).
/// </summary>
public static class ErrorSummary
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> BoundFields = new();

    /// <summary>Each error's field (its model name) and message, in page order.</summary>
    public static IReadOnlyList<(string Field, string Message)> Errors(ModelStateDictionary state, IReadOnlyList<string> fieldOrder) =>
        [.. state
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select((e, arrived) => (e.Key, Rank: Rank(e.Key, fieldOrder), Arrived: arrived, e.Value!.Errors))
            .OrderBy(e => e.Rank)
            .ThenBy(e => e.Arrived)
            .SelectMany(e => e.Errors.Select(error => (e.Key, error.ErrorMessage)))];

    /// <summary>
    /// A page's form fields in declaration order: its <c>[BindProperty]</c> properties (a base class's first), and for
    /// a bound object its properties as <c>Form.Name</c>. Pages whose fields show in another order say so themselves.
    /// </summary>
    public static IReadOnlyList<string> BoundFieldsOf(Type page) => BoundFields.GetOrAdd(page, static type =>
        [.. Declared(type)
            .Select(p => (Property: p, Bound: p.GetCustomAttribute<BindPropertyAttribute>(inherit: true)))
            .Where(p => p.Bound is not null)
            .SelectMany(p => new[] { p.Bound!.Name ?? p.Property.Name }.Concat(IsSimple(p.Property.PropertyType)
                ? []
                : Declared(p.Property.PropertyType).Select(inner => (p.Bound.Name ?? p.Property.Name) + "." + inner.Name)))]);

    /// <summary>"" first; a field by its place in the order (a key like Form.Name or Items[2].Value by the field it is part of).</summary>
    private static int Rank(string key, IReadOnlyList<string> order)
    {
        if (key.Length == 0)
        {
            return -1;
        }

        var best = int.MaxValue;
        var bestLength = -1;
        for (var i = 0; i < order.Count; i++)
        {
            var field = order[i];
            var matches = key.Length == field.Length
                ? string.Equals(key, field, StringComparison.Ordinal)
                : key.Length > field.Length && key.StartsWith(field, StringComparison.Ordinal) && key[field.Length] is '.' or '[';
            if (matches && field.Length > bestLength)
            {
                (best, bestLength) = (i, field.Length);
            }
        }

        return best;
    }

    /// <summary>Public instance properties in the order they are written, a base class's before its subclass's.</summary>
    private static IEnumerable<PropertyInfo> Declared(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Push(t);
        }

        return chain.SelectMany(t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OrderBy(p => p.MetadataToken));
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || typeof(System.Collections.IEnumerable).IsAssignableFrom(t) || t.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;
    }
}
