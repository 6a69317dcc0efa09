using System.Globalization;
using System.Text;
using CsCheck;
using HiTech.Web.Kernel;

namespace HiTech.Web.Tests.Kernel;

/// <summary>The one rule for typed text: NFC, no control or hidden characters, something visible; Malayalam joiners kept.</summary>
public sealed class TextRulesTests
{
    /// <summary>Any character at all, with the troublesome ones (controls, bidi, zero-width, joiners, Malayalam) often.</summary>
    private static readonly Gen<string> AnyText = Gen.OneOf(
            Gen.Char,
            Gen.Char['\0', '\u001F'],
            Gen.Char['\u0080', '\u009F'],
            Gen.Char['\u2000', '\u206F'],
            Gen.Char['\u0D00', '\u0D7F'],
            Gen.Int[0, 8].Select(i => "\u200C\u200D\u202E\uFEFF\n\t\r a"[i]))
        .Array[0, 12]
        .Select(chars => new string(chars));

    private static bool IsRefused(Rune rune, bool multiline)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.Control => !(multiline && rune.Value is '\n' or '\t'),
            UnicodeCategory.Format => rune.Value is not (0x200C or 0x200D),
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => !multiline,
            _ => false,
        };
    }

    [Fact]
    public void What_is_accepted_is_in_NFC_trimmed_has_a_visible_character_and_no_refused_one()
    {
        Gen.Select(AnyText, Gen.Bool).Sample((text, multiline) =>
        {
            var check = TextRules.Check(text, multiline);
            if (!check.IsOk)
            {
                return;
            }

            Assert.True(check.Value.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(check.Value.Trim(), check.Value);
            Assert.DoesNotContain(check.Value.EnumerateRunes(), r => IsRefused(r, multiline));
            Assert.DoesNotContain('\r', check.Value);
            Assert.True(check.Value.Length == 0 || !check.Value.EnumerateRunes().All(IsInvisible), $"accepted {Escape(text)}, which shows nothing");
        });
    }

    [Fact]
    public void A_text_with_a_refused_character_is_refused_and_one_without_any_is_accepted_unless_nothing_shows()
    {
        Gen.Select(AnyText, Gen.Bool).Sample((text, multiline) =>
        {
            var check = TextRules.Check(text, multiline);
            var trimmed = text.Trim();
            var bad = HasLoneSurrogate(trimmed) || trimmed.EnumerateRunes().Any(r => IsRefused(r, multiline) && !(multiline && r.Value == '\r'));
            if (bad)
            {
                Assert.False(check.IsOk, $"accepted {Escape(text)}");
            }
            else if (check.Problem != TextProblem.NothingVisible)
            {
                Assert.True(check.IsOk, $"refused {Escape(text)} as {check.Problem}");
            }
        });
    }

    [Fact]
    public void Clean_leaves_nothing_the_check_refuses_and_keeps_a_clean_text_as_it_is()
    {
        AnyText.Sample(text =>
        {
            var clean = TextRules.Clean(text);
            Assert.True(TextRules.Check(clean).IsOk, $"{Escape(text)} cleaned to {Escape(clean)}");
            if (TextRules.Check(text) is { IsOk: true, Value: var value } && value.Length > 0)
            {
                Assert.Equal(value, clean);
            }
        });
    }

    [Theory]
    [InlineData("Acme\u202Elanif", TextProblem.HiddenCharacter)]
    [InlineData("\u2067Acme\u2069", TextProblem.HiddenCharacter)]
    [InlineData("Acme\u200BWorks", TextProblem.HiddenCharacter)]
    [InlineData("Acme\0Works", TextProblem.ControlCharacter)]
    [InlineData("Acme\u001B[31mWorks", TextProblem.ControlCharacter)]
    [InlineData("Acme\u0085Works", TextProblem.ControlCharacter)]
    [InlineData("Acme\nWorks", TextProblem.ControlCharacter)]
    [InlineData("\u200D\u200C\u200D", TextProblem.NothingVisible)]
    [InlineData("\u3164", TextProblem.NothingVisible)]
    [InlineData("\u0301", TextProblem.NothingVisible)]
    public void A_one_line_text_with_a_hidden_or_control_character_or_nothing_visible_is_refused(string text, TextProblem problem) =>
        Assert.Equal(problem, TextRules.Check(text).Problem);

    [Theory]
    [InlineData("ശ്രീ\u200Cകൃഷ്ണ ട്രേഡേഴ്സ്")]
    [InlineData("അവന്\u200D ഇന്ഡസ്ട്രീസ്")]
    [InlineData("Kerala Coir Works")]
    public void A_name_with_joiners_inside_words_is_kept_as_it_is(string name)
    {
        var check = TextRules.Check(name);
        Assert.True(check.IsOk);
        Assert.Equal(name.Normalize(NormalizationForm.FormC), check.Value);
    }

    [Fact]
    public void Text_is_put_in_NFC_and_a_multi_line_text_keeps_its_lines()
    {
        Assert.Equal("Caf\u00E9", TextRules.Check("Cafe\u0301").Value);
        Assert.Equal("\u0D4A", TextRules.Check("\u0D46\u0D3E").Value);
        var address = TextRules.Check(" Kanjikode West\r\nPalakkad\t678621 ", multiline: true);
        Assert.True(address.IsOk);
        Assert.Equal("Kanjikode West\nPalakkad\t678621", address.Value);
    }

    [Fact]
    public void A_file_name_loses_what_would_hide_or_turn_it()
    {
        Assert.Equal("invoicefdp.exe", TextRules.Clean("invoice\u202Efdp.exe"));
        Assert.Equal("accounts.pdf", TextRules.Clean("acc\0ounts\u001B.pdf"));
        Assert.Equal("", TextRules.Clean("\u200B\u200D"));
    }

    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
