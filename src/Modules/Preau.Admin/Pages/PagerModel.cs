namespace Preau.Admin.Pages;

/// <summary>A pager: the pages around the current one, with previous and next; HasMore when the total is not counted (the audit trail).</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Url, string Label, string PreviousLabel, string NextLabel, bool HasMore = false)
{
    public IEnumerable<int> Pages()
    {
        var last = Math.Max(PageCount, Page);
        var from = Math.Max(1, Page - 3);
        var to = Math.Min(last, Page + 3);
        return Enumerable.Range(from, to - from + 1);
    }
}
