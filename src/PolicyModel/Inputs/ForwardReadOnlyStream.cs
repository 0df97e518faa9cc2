namespace PolicyModel.Inputs;

/// <summary>
/// The shape every input stream of the library shares: read forward only, never seek, never write. A subclass
/// supplies <see cref="Read(Span{byte})"/>, the bytes consumed so far and what it disposes.
/// </summary>
internal abstract class ForwardReadOnlyStream : Stream
{
    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Consumed;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes read so far.</summary>
    protected abstract long Consumed { get; }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
