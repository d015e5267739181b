using System.Xml;

namespace Invordering.Domain.Imports;

/// <summary>Reads the entries of an ISO 20022 camt.053 bank statement (any camt.053.001 version) one at a time, streaming.</summary>
internal sealed class CamtXmlReader : IDisposable
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    private const string TransactionPath = "NtryDtls/TxDtls";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private readonly XmlReader _xml;
    private readonly IXmlLineInfo _lineInfo;
    private readonly string _namespace;

    /// <exception cref="FileRejectedException">The stream is not well-formed XML, or not a camt.053 statement.</exception>
    public CamtXmlReader(Stream stream)
    {
        _xml = XmlReader.Create(stream, Settings);
        _lineInfo = (IXmlLineInfo)_xml;
        _namespace = Guard(() =>
        {
            _xml.MoveToContent();
            return _xml.NamespaceURI;
        });
        if (_xml.LocalName != "Document" || !_namespace.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            throw new FileRejectedException(FileRejectionCodes.NotCamt053,
                $"Het XML-bestand is geen ISO 20022 camt.053-bankafschrift (het begint met <{_xml.LocalName}> in '{_namespace}').");
        }
    }

    /// <summary>The next entry, or null at the end of the statement.</summary>
    /// <exception cref="FileRejectedException">The XML breaks off or is not well-formed.</exception>
    public CamtEntry? NextEntry() => Guard(() =>
    {
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Ntry" && _xml.NamespaceURI == _namespace)
            {
                return ReadEntry();
            }
        }
        return null;
    });

    public void Dispose() => _xml.Dispose();

    private CamtEntry ReadEntry()
    {
        var entry = new CamtEntry(_lineInfo.LineNumber);
        if (_xml.IsEmptyElement)
        {
            return entry;
        }

        int entryDepth = _xml.Depth;
        var path = new List<string>();
        CamtTransaction? transaction = null;
        string? currency = null;
        while (_xml.Read())
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Element:
                    path.Add(_xml.LocalName);
                    if (path is ["NtryDtls", "TxDtls"])
                    {
                        transaction = new CamtTransaction(_lineInfo.LineNumber);
                        entry.Transactions.Add(transaction);
                    }
                    else if (transaction is not null && path is ["NtryDtls", "TxDtls", "RtrInf"])
                    {
                        transaction.HasReturnInfo = true;
                    }
                    if (_xml.LocalName == "Amt")
                    {
                        currency = _xml.GetAttribute("Ccy");
                    }
                    if (_xml.IsEmptyElement)
                    {
                        path.RemoveAt(path.Count - 1);
                    }
                    break;

                case XmlNodeType.Text or XmlNodeType.CDATA:
                    string key = string.Join('/', path);
                    if (transaction is not null && key.StartsWith(TransactionPath + "/", StringComparison.Ordinal))
                    {
                        transaction.Set(key[(TransactionPath.Length + 1)..], _xml.Value, currency);
                    }
                    else
                    {
                        entry.Set(key, _xml.Value, currency);
                    }
                    break;

                case XmlNodeType.EndElement when _xml.Depth == entryDepth:
                    return entry;

                case XmlNodeType.EndElement:
                    path.RemoveAt(path.Count - 1);
                    break;
            }
        }
        return entry;
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw new FileRejectedException(FileRejectionCodes.InvalidXml,
                $"Het bankafschrift is geen geldige XML: de fout zit op regel {e.LineNumber}, positie {e.LinePosition}.");
        }
    }
}
