using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Preau.Admin.Resources;
using Preau.Platform.Api;
using Preau.Platform.Kernel;

namespace Preau.Admin.Api;

/// <summary>Turns a use case's outcome into the API's answer: the value, 404, or validation problem details in the caller's language.</summary>
internal static class AdminApiResults
{
    public static Results<Ok<T>, NotFound, ValidationProblem> Ok<T>(Outcome<T> outcome, IStringLocalizer<AdminStrings> s) => ApiResults.Ok(outcome, s);

    public static Results<Created<T>, NotFound, ValidationProblem> Created<T>(Outcome<T> outcome, IStringLocalizer<AdminStrings> s, Func<T, string> location) =>
        ApiResults.Created(outcome, s, location);

    public static Results<NoContent, NotFound, ValidationProblem> NoContent<T>(Outcome<T> outcome, IStringLocalizer<AdminStrings> s) => ApiResults.NoContent(outcome, s);

    public static Results<Ok<T>, NotFound> Found<T>(T? value) where T : class =>
        value is null ? TypedResults.NotFound() : TypedResults.Ok(value);

    public static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer<AdminStrings> s) =>
        ApiProblems.Validation(errors, s);
}
