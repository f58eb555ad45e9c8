import ETLCore
import Testing

@testable import Mapping
@testable import Readers

/// `mapping init` on XML: which element is one EVSE, what encloses it, and the draft's paths.
@Suite struct XMLDraftTests {
    static let export = """
        <export>
          <cpo id="DE*ABC"><cpoName>Stadtwerke</cpoName>
            <location code="L1"><address street="Ring" houseNumber="4" zip="50667" city="Köln" country="DE"/>
              <geo lat="50.94" lon="6.95"/>
              <evse id="DE*ABC*E1" access="public"><plug type="Type 2 socket" power="22" current="AC3"/><plug type="CCS" power="150" current="DC"/></evse>
              <evse id="DE*ABC*E2" access="public"><plug type="Type 2 socket" power="22" current="AC3"/></evse>
            </location>
            <location code="L2"><address street="Markt" houseNumber="1" zip="53111" city="Bonn" country="DE"/>
              <geo lat="50.73" lon="7.10"/>
              <evse id="DE*ABC*E3" access="private"><plug type="Type 2 socket" power="11" current="AC3"/></evse>
            </location>
          </cpo>
        </export>
        """

    func draft() throws -> (XMLDraft.Plan, String) {
        let file = TemporaryFile(Self.export, name: "export.xml")
        let survey = try XMLSurvey(path: file.path)
        let plan = try #require(XMLDraft.plan(survey))
        var options = XMLOptions()
        options.recordPath = plan.recordPath
        options.scopes = plan.scopes
        let reader = try XMLRecordReader(path: file.path, options: options)
        var records: [[(path: String, value: String)]] = []
        while let r = try reader.next() { records.append(XMLDraft.flatten(r, scopes: plan.scopes.map(\.name))) }
        return (plan, MappingDraft(xml: plan, records: records).yaml(inputName: "export.xml"))
    }

    @Test func theElementWithTheEvseIDIsTheRecord() throws {
        let (plan, _) = try draft()
        #expect(plan.recordPath == "evse")
        #expect(plan.scopes == [XMLOptions.Scope(name: "location", element: "location"), XMLOptions.Scope(name: "cpo", element: "cpo", partial: true)])
    }

    @Test func theDraftNamesPathsAndFacilitiesPerPlug() throws {
        let (_, yaml) = try draft()
        #expect(yaml.contains("  format: xml"))
        #expect(yaml.contains("  EvseID: { path: \"@id\", evse_id: true }"))
        #expect(yaml.contains("City: { path: \"$location.address.@city\""))
        #expect(yaml.contains("HouseNum: { path: \"$location.address.@houseNumber\""))
        #expect(yaml.contains("latitude: { path: \"$location.geo.@lat\", number: true }"))
        #expect(yaml.contains("  Plugs: { path: \"plug.@type\", table: plugs }"))
        #expect(yaml.contains("    path: plug   # one facility per plug"))
        #expect(yaml.contains("      Power: { path: \"@power\""))
        #expect(yaml.contains("      Type 2 socket: Type 2 Outlet"))
        #expect(yaml.contains("  name: { path: \"$cpo.cpoName\" }"))
        // The draft is a valid mapping that compiles.
        let document = try MappingDocument.parse(yaml: yaml, file: "draft.yaml")
        _ = try MappingCompiler.compile(document, header: nil, parameters: ["hotline": "+4930123456"])
    }

    @Test func matchNames() {
        #expect(XMLDraft.matchName("$site.city.values.value") == "city")
        #expect(XMLDraft.matchName("connector.@type") == "connectortype")
        #expect(XMLDraft.matchName("$site.name") == "sitename")
        #expect(XMLDraft.matchName("fac:operator.fac:name.values.value") == "operatorname")
    }
}
