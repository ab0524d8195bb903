using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Preau.Admin.Pages;

/// <summary>The person fields shared by the create and edit forms, with the errors of the last try.</summary>
public sealed record UserFieldsModel(string? LastName, string? FirstName, DateOnly? BirthDate, string? Email, string? Phone, string? ExternalId, ModelStateDictionary State);
