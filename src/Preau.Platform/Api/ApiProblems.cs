using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Api;

/// <summary>The API's answers to bad input, the same for every module.</summary>
public static class ApiProblems
{
    /// <summary>
    /// Validation problem details from a use case's errors: field names as the JSON body spells
    /// them (camelCase), each message a key of the module's strings in the caller's language, and
    /// the module's "Error.Title" as the title.
    /// </summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(strings);
        return TypedResults.ValidationProblem(
            errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value.Select(key => strings[key].Value).ToArray()),
            title: strings["Error.Title"].Value);
    }
}
