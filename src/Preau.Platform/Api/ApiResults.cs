using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;

namespace Preau.Platform.Api;

/// <summary>
/// Turns a use case's <see cref="Outcome{T}"/> into the API's answer, the same for every module:
/// the value, 404 (out of scope or absent), or validation problem details in the caller's language.
/// </summary>
public static class ApiResults
{
    public static Results<Ok<T>, NotFound, ValidationProblem> Ok<T>(Outcome<T> outcome, IStringLocalizer strings) =>
        Ok(outcome, value => value, strings);

    /// <summary>The value shaped for the API by <paramref name="answer"/>.</summary>
    public static Results<Ok<TOut>, NotFound, ValidationProblem> Ok<T, TOut>(Outcome<T> outcome, Func<T, TOut> answer, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(answer);
        return !outcome.Found ? TypedResults.NotFound()
            : outcome.Errors is { } errors ? ApiProblems.Validation(errors, strings)
            : TypedResults.Ok(answer(outcome.Value!));
    }

    public static Results<Created<T>, NotFound, ValidationProblem> Created<T>(Outcome<T> outcome, IStringLocalizer strings, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        return !outcome.Found ? TypedResults.NotFound()
            : outcome.Errors is { } errors ? ApiProblems.Validation(errors, strings)
            : TypedResults.Created(location(outcome.Value!), outcome.Value!);
    }

    public static Results<NoContent, NotFound, ValidationProblem> NoContent<T>(Outcome<T> outcome, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Found ? TypedResults.NotFound()
            : outcome.Errors is { } errors ? ApiProblems.Validation(errors, strings)
            : TypedResults.NoContent();
    }
}
