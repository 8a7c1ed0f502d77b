using Microsoft.AspNetCore.Http.HttpResults;
using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>Where a page starts and how long it is, within bounds every list shares.</summary>
public sealed record PageRequest(int Offset, int Limit)
{
    public const int DefaultLimit = 50;

    /// <summary>Large enough for any screen, small enough that one request cannot make the server build a huge reply.</summary>
    public const int MaxLimit = 500;

    public Page<T> Slice<T>(IReadOnlyList<T> all) => new([.. all.Skip(Offset).Take(Limit)], all.Count);
}

/// <summary>
/// Collects what is wrong with a request's parameters, so that one 400 reply (RFC 7807, with an <c>errors</c> map
/// keyed by parameter) names every problem at once.
/// </summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var old) ? [.. old, message] : [message];

    public PageRequest Page(int? offset, int? limit)
    {
        if (offset < 0)
            Add("offset", "must be 0 or more");
        if (limit is < 1 or > PageRequest.MaxLimit)
            Add("limit", $"must be between 1 and {PageRequest.MaxLimit}");
        return new PageRequest(Math.Max(0, offset ?? 0), Math.Clamp(limit ?? PageRequest.DefaultLimit, 1, PageRequest.MaxLimit));
    }

    public void DateRange(DateOnly? from, DateOnly? to)
    {
        if (from > to)
            Add("from", "must not be after 'to'");
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors, title: "The request has invalid parameters");
}

internal static class Problems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    /// <summary>An empty or blank query parameter means "not given", as a cleared form field does.</summary>
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
