using System.Security.Cryptography;
using System.Text;

namespace PolicyModel;

/// <summary>The policy set's digest: which documents, exactly, decided.</summary>
public sealed partial class PolicySet
{
    private string? digest;

    /// <summary>
    /// The SHA-256 digest of the set's documents, as <c>sha256:</c> and 64 lowercase hexadecimal digits. It is taken
    /// over a canonical form of each document (<see cref="PolicyDocumentJson.Serialize(PolicyDocument, bool)"/>
    /// without indentation, in the order the set was compiled from), so formatting, comments, property order and
    /// file names do not change it, while any change of content (a rule, a date, a citation) does. Two sets with the
    /// same digest decide every request alike; a decision stamped with the digest names the law that made it.
    /// </summary>
    public string Digest => digest ??= ComputeDigest(Documents);

    private static string ComputeDigest(IReadOnlyList<PolicyDocument> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var document in documents)
        {
            var canonical = Encoding.UTF8.GetBytes(PolicyDocumentJson.Serialize(document, indented: false));

            // Each document is length-prefixed, so no two different lists of documents give the same byte stream.
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(length, canonical.Length);
            hash.AppendData(length);
            hash.AppendData(canonical);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
