using Preau.Platform.Resources;
using Preau.Platform.Sharing;

namespace Preau.UnitTests.Sharing;

public sealed class ShareableTypeTests
{
    private static readonly ShareableType Blog = new("blog.post", typeof(IShareResolver), typeof(SharingStrings), "Blog", [ShareRight.Publish, ShareRight.Comment]);

    [Fact]
    public void Every_type_supports_read_contrib_and_manage_then_its_own_rights()
    {
        Assert.Equal(["read", "contrib", "manage", "publish", "comment"], Blog.Rights.Select(r => r.Key));
        Assert.Equal(["read", "contrib", "manage"], new ShareableType("plain", typeof(IShareResolver), typeof(SharingStrings), "Plain", []).Rights.Select(r => r.Key));
    }

    [Theory]
    [InlineData("read", "read")]
    [InlineData("contrib", "read contrib")]
    [InlineData("publish", "read publish")]
    [InlineData("comment", "read comment")]
    [InlineData("manage", "read contrib manage publish comment")]
    [InlineData("publish comment", "read publish comment")]
    public void Rights_are_stored_with_what_they_imply(string given, string stored)
    {
        var mask = Blog.MaskOf(given.Split(' '));
        Assert.Equal(stored.Split(' ').Order(), Blog.KeysOf(mask!.Value).Order());
    }

    [Fact]
    public void Unknown_rights_and_clashing_bits_are_refused()
    {
        Assert.Null(Blog.MaskOf(["read", "delete"]));
        Assert.Null(Blog.BitOf("delete"));
        Assert.Throws<ArgumentException>(() => new ShareableType("bad", typeof(IShareResolver), typeof(SharingStrings), "Bad", [new ShareRight("vote", ShareRight.Contrib.Bit, "Right.vote", "read")]));
    }
}
