"""Identification every PDF of nota carries: PDF/UA-1 claimed in the XMP metadata
(beside PDF/A for a final document), dc:title, DisplayDocTitle and /Lang nl-NL.

The tagging (pdf_tags.py) is what PDF/UA-1 asks for, so concepts claim it too.
A PDF/A document declares the pdfuaid schema as a PDF/A extension schema, since
PDF/A-2 admits only predefined or declared XMP properties.
"""

from __future__ import annotations

from lxml import etree
from pikepdf import Dictionary, Name, String

LANG = "nl-NL"
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
PACKET = b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n%s\n<?xpacket end="r"?>'
EXTENSION = f"""<rdf:Description xmlns:rdf="{NS["rdf"]}" xmlns:pdfaExtension="{NS["pdfaExtension"]}"
 xmlns:pdfaSchema="{NS["pdfaSchema"]}" xmlns:pdfaProperty="{NS["pdfaProperty"]}" rdf:about="">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{NS["pdfuaid"]}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"""


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def identify(doc, titel: str | None = None) -> None:
    """Claim PDF/UA-1 and give the open pikepdf document `doc` its title and language."""
    titel = titel or str(doc.docinfo.get(Name.Title, "") or "")
    root = doc.Root
    root.Lang = String(LANG)
    preferences = root.get(Name.ViewerPreferences)
    if not isinstance(preferences, Dictionary):
        preferences = root.ViewerPreferences = Dictionary()
    preferences.DisplayDocTitle = True
    if titel:
        doc.docinfo[Name.Title] = String(titel)
    xmp = _xmp(doc)
    rdf = xmp.find(_q("rdf:RDF"))
    _set_title(rdf, titel)
    if not any(d.get(_q("pdfuaid:part")) or d.find(_q("pdfuaid:part")) is not None for d in rdf):
        description = etree.SubElement(rdf, _q("rdf:Description"), nsmap={"pdfuaid": NS["pdfuaid"]})
        description.set(_q("rdf:about"), "")
        etree.SubElement(description, _q("pdfuaid:part")).text = "1"
    is_pdfa = any(d.get(_q("pdfaid:part")) or d.find(_q("pdfaid:part")) is not None for d in rdf)
    if is_pdfa and not rdf.findall(f".//{_q('pdfaExtension:schemas')}"):
        rdf.append(etree.fromstring(EXTENSION))
    data = PACKET % etree.tostring(xmp, encoding="utf-8")
    root.Metadata = doc.make_stream(data, Type=Name.Metadata, Subtype=Name.XML)


def _xmp(doc):
    stream = doc.Root.get(Name.Metadata)
    if stream is not None:
        try:
            tree = etree.fromstring(stream.read_bytes(), etree.XMLParser(remove_blank_text=True))
            if tree.tag == _q("x:xmpmeta") and tree.find(_q("rdf:RDF")) is not None:
                return tree
        except etree.XMLSyntaxError:
            pass
    xmp = etree.Element(_q("x:xmpmeta"), nsmap={"x": NS["x"]})
    etree.SubElement(xmp, _q("rdf:RDF"), nsmap={"rdf": NS["rdf"]})
    return xmp


def _set_title(rdf, titel: str) -> None:
    if not titel or rdf.find(f".//{_q('dc:title')}") is not None:
        return
    description = etree.SubElement(rdf, _q("rdf:Description"), nsmap={"dc": NS["dc"]})
    description.set(_q("rdf:about"), "")
    alt = etree.SubElement(etree.SubElement(description, _q("dc:title")), _q("rdf:Alt"))
    li = etree.SubElement(alt, _q("rdf:li"))
    li.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")
    li.text = titel
