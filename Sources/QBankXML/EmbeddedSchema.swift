// GENERATED FILE by Scripts/embed-schema.sh from Schemas/qbank-bank.xsd. DO NOT EDIT.

/// The bank XSD, compiled once at run time by `XMLBankReader`.
enum EmbeddedSchema {
    static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  qbank bank files, XML syntax (urn:qbank:bank:1). See Schemas/README.md.
  Shape only: counts (four options, 3-5 steps, ...), cross-references and
  "the body matches the type" are checked by qbank itself.
  Patterns and ranges are the same as in qbank-bank.schema.json.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:qb="urn:qbank:bank:1"
           targetNamespace="urn:qbank:bank:1"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">

  <!-- Simple types -->

  <xs:simpleType name="Markdown">
    <xs:annotation>
      <xs:documentation>
        Item text as Markdown (the CommonMark/GFM subset in Schemas/README.md): paragraphs, fenced code
        blocks (```python ... ```), bulleted and numbered lists, tables with a header row, images
        ![alt text](media/file.svg); inline **strong**, *emphasis*, `code`, [links](https://...).
        White space is kept: start a code block's fence on its own line; its lines are read relative to
        the fence's indentation, so the block may be indented with the rest of the element.
      </xs:documentation>
    </xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="ItemId">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="PartId">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Za-z0-9][A-Za-z0-9._\-]{0,31}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ItemTypeName">
    <xs:restriction base="xs:string">
      <xs:enumeration value="single"/>
      <xs:enumeration value="multiple"/>
      <xs:enumeration value="ordering"/>
      <xs:enumeration value="matching"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Status">
    <xs:restriction base="xs:string">
      <xs:enumeration value="draft"/>
      <xs:enumeration value="review"/>
      <xs:enumeration value="approved"/>
      <xs:enumeration value="pretest"/>
      <xs:enumeration value="operational"/>
      <xs:enumeration value="retired"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Domain">
    <xs:restriction base="xs:integer">
      <xs:minInclusive value="1"/>
      <xs:maxInclusive value="99"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Task">
    <xs:restriction base="xs:string">
      <xs:pattern value="[1-9][0-9]?\.[1-9][0-9]?"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Select">
    <xs:restriction base="xs:integer">
      <xs:minInclusive value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- true or false only (JSON has no 1/0 booleans) -->
  <xs:simpleType name="Flag">
    <xs:restriction base="xs:boolean">
      <xs:pattern value="true|false"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Url">
    <xs:restriction base="xs:string">
      <xs:pattern value="https?://\S+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Tag">
    <xs:restriction base="xs:token">
      <xs:pattern value="[a-z0-9][a-z0-9.+\-]*"/>
      <xs:maxLength value="64"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Proportion">
    <xs:restriction base="xs:double">
      <xs:minInclusive value="0"/>
      <xs:maxInclusive value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Correlation">
    <xs:restriction base="xs:double">
      <xs:minInclusive value="-1"/>
      <xs:maxInclusive value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- finite: JSON has no INF or NaN -->
  <xs:simpleType name="NonNegativeDouble">
    <xs:restriction base="xs:double">
      <xs:minInclusive value="0"/>
      <xs:maxExclusive value="INF"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="FiniteDouble">
    <xs:restriction base="xs:double">
      <xs:minExclusive value="-INF"/>
      <xs:maxExclusive value="INF"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- Root -->

  <xs:element name="bank">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="item" type="qb:Item" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="case" type="qb:Case" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- Case study: title?, scenario, item+ -->

  <xs:complexType name="Case">
    <xs:sequence>
      <xs:element name="title" type="xs:string" minOccurs="0"/>
      <xs:element name="scenario" type="qb:Markdown"/>
      <xs:element name="item" type="qb:Item" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:ItemId" use="required"/>
  </xs:complexType>

  <!-- Item -->

  <xs:complexType name="Item">
    <xs:sequence>
      <xs:element name="stem" type="qb:Markdown"/>
      <xs:choice>
        <xs:element name="options" type="qb:Options"/>
        <xs:element name="steps" type="qb:Steps"/>
        <xs:sequence>
          <xs:element name="prompts" type="qb:Prompts"/>
          <xs:element name="responses" type="qb:Responses"/>
        </xs:sequence>
      </xs:choice>
      <xs:element name="references" type="qb:References" minOccurs="0"/>
      <xs:element name="tags" type="qb:Tags" minOccurs="0"/>
      <xs:element name="enemies" type="qb:Enemies" minOccurs="0"/>
      <xs:element name="stats" type="qb:Stats" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:ItemId" use="required"/>
    <xs:attribute name="type" type="qb:ItemTypeName" use="required"/>
    <xs:attribute name="select" type="qb:Select"/>
    <!-- optional: an imported draft may not have them yet (the linter flags it, QB112/QB113) -->
    <xs:attribute name="domain" type="qb:Domain" use="optional"/>
    <xs:attribute name="task" type="qb:Task" use="optional"/>
    <xs:attribute name="status" type="qb:Status" use="required"/>
    <xs:attribute name="shuffle" type="qb:Flag" default="true"/>
  </xs:complexType>

  <xs:complexType name="Options">
    <xs:sequence>
      <xs:element name="option" type="qb:Option" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Option">
    <xs:sequence>
      <xs:element name="text" type="qb:Markdown"/>
      <xs:element name="rationale" type="qb:Markdown" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:PartId" use="required"/>
    <xs:attribute name="correct" type="qb:Flag" default="false"/>
  </xs:complexType>

  <xs:complexType name="Steps">
    <xs:sequence>
      <xs:element name="step" type="qb:Step" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Step">
    <xs:sequence>
      <xs:element name="text" type="qb:Markdown"/>
      <xs:element name="rationale" type="qb:Markdown" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:PartId" use="required"/>
  </xs:complexType>

  <xs:complexType name="Prompts">
    <xs:sequence>
      <xs:element name="prompt" type="qb:Prompt" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Prompt">
    <xs:sequence>
      <xs:element name="text" type="qb:Markdown"/>
      <xs:element name="rationale" type="qb:Markdown" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:PartId" use="required"/>
    <xs:attribute name="response" type="qb:PartId" use="required"/>
  </xs:complexType>

  <xs:complexType name="Responses">
    <xs:sequence>
      <xs:element name="response" type="qb:Response" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Response">
    <xs:sequence>
      <xs:element name="text" type="qb:Markdown"/>
    </xs:sequence>
    <xs:attribute name="id" type="qb:PartId" use="required"/>
  </xs:complexType>

  <xs:complexType name="References">
    <xs:sequence>
      <xs:element name="reference" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="title" type="xs:string" use="required"/>
          <xs:attribute name="url" type="qb:Url" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Tags">
    <xs:sequence>
      <xs:element name="tag" type="qb:Tag" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Enemies">
    <xs:sequence>
      <xs:element name="enemy" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="ref" type="qb:ItemId" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Stats">
    <xs:attribute name="pValue" type="qb:Proportion"/>
    <xs:attribute name="pointBiserial" type="qb:Correlation"/>
    <xs:attribute name="responses" type="xs:nonNegativeInteger"/>
    <xs:attribute name="irtA" type="qb:NonNegativeDouble"/>
    <xs:attribute name="irtB" type="qb:FiniteDouble"/>
    <xs:attribute name="irtC" type="qb:Proportion"/>
    <!-- written back by qbank analyze and calibrate: standard errors and provenance -->
    <xs:attribute name="irtSeA" type="qb:NonNegativeDouble"/>
    <xs:attribute name="irtSeB" type="qb:NonNegativeDouble"/>
    <xs:attribute name="irtSeC" type="qb:NonNegativeDouble"/>
    <xs:attribute name="irtModel" type="qb:IRTModel"/>
    <xs:attribute name="source" type="qb:StatsSource"/>
    <xs:attribute name="forms" type="xs:string"/>
    <xs:attribute name="window" type="xs:string"/>
    <!-- modified-Angoff rating: probability a minimally competent candidate answers correctly -->
    <xs:attribute name="angoff" type="qb:Proportion"/>
  </xs:complexType>

  <xs:simpleType name="IRTModel">
    <xs:restriction base="xs:string">
      <xs:enumeration value="rasch"/>
      <xs:enumeration value="2pl"/>
      <xs:enumeration value="3pl"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="StatsSource">
    <xs:restriction base="xs:string">
      <xs:enumeration value="administered"/>
      <xs:enumeration value="simulated"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
"""#
}
