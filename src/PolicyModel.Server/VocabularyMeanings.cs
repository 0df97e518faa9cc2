namespace PolicyModel.Server;

/// <summary>
/// The request's vocabularies with the meaning of each value (the contract's words), for the web page's help
/// text and <c>GET /v1/vocabularies</c>.
/// </summary>
internal static class VocabularyMeanings
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["respondent:police"] = "The city or village police.",
        ["respondent:sheriff"] = "The county sheriff.",
        ["respondent:jail"] = "The county jail.",
        ["respondent:local-government"] = "A council or executive making a policy.",

        ["requester:ice-ero"] = "ICE Enforcement and Removal Operations.",
        ["requester:ice-hsi"] = "ICE Homeland Security Investigations.",
        ["requester:cbp"] = "Customs and Border Protection.",
        ["requester:uscis"] = "U.S. Citizenship and Immigration Services (benefits, not enforcement).",
        ["requester:other-dhs"] = "Another component of the Department of Homeland Security.",
        ["requester:federal-criminal-agency"] = "FBI, DEA, ATF, USMS.",
        ["requester:state-police"] = "State police.",
        ["requester:local-police"] = "Another local police agency.",
        ["requester:court"] = "A court.",
        ["requester:private-contractor"] = "A private contractor.",
        ["requester:subject"] = "The person themself.",

        ["purpose:civil-immigration-enforcement"] = "Civil immigration enforcement (removal, detention for removal).",
        ["purpose:criminal-immigration-enforcement"] = "A criminal immigration offence, for example 8 U.S.C. 1326 re-entry.",
        ["purpose:criminal-investigation"] = "A criminal investigation with no immigration element.",
        ["purpose:public-safety-emergency"] = "A public-safety emergency.",
        ["purpose:immigration-benefit"] = "An immigration benefit, for example a USCIS verification the subject asked for.",
        ["purpose:unknown"] = "The requester will not say.",

        ["assistance:on-scene-support"] = "Back-up or presence at an enforcement operation.",
        ["assistance:perimeter-or-crowd-control"] = "Traffic or security perimeter, crowd control for an operation.",
        ["assistance:stop-or-arrest"] = "Stop, arrest or detain a person.",
        ["assistance:hold-past-release"] = "Keep a person in custody beyond release (a detainer hold).",
        ["assistance:share-release-information"] = "Release date or time, home address, contact details, custody status.",
        ["assistance:share-immigration-status"] = "Tell the requester what the agency knows of a person's immigration or citizenship status.",
        ["assistance:inquire-immigration-status"] = "The local officer asks a person about their immigration status.",
        ["assistance:access-to-person-in-custody"] = "Interview (in person or by phone) a person in local custody.",
        ["assistance:use-of-facilities"] = "Use of local buildings, rooms, vehicles or equipment.",
        ["assistance:database-access"] = "Access to local non-public databases.",
        ["assistance:transfer-custody"] = "Hand a person over to the requester.",
        ["assistance:transport-detainee"] = "Carry a person to a federal facility.",
        ["assistance:enter-287g-agreement"] = "Sign or keep an agreement under 8 U.S.C. 1357(g).",
        ["assistance:detention-contract"] = "House civil immigration detainees under a contract.",
        ["assistance:joint-criminal-investigation"] = "Take part in a criminal task force or investigation.",
        ["assistance:adopt-limiting-policy"] = "A local body adopts a policy that limits cooperation with immigration enforcement.",

        ["authority:none"] = "No document presented.",
        ["authority:administrative-warrant"] = "I-200, I-205 and the like, signed by an immigration officer.",
        ["authority:immigration-detainer"] = "I-247A, with or without an administrative warrant attached.",
        ["authority:ncic-immigration-hit"] = "An NCIC Immigration Violator File hit.",
        ["authority:alien-enemies-designation"] = "An Alien Enemies Act designation.",
        ["authority:judicial-criminal-warrant"] = "A criminal warrant signed by a judge.",
        ["authority:court-order"] = "A court order.",
        ["authority:written-consent"] = "The subject's written consent.",

        ["location:courthouse"] = "The person is going to, at or leaving a court proceeding, in or within 1,000 feet of the courthouse.",
        ["location:school"] = "A school or child-care site.",
        ["location:health-facility"] = "A hospital, clinic or other health-care site.",
        ["location:place-of-worship"] = "A place of worship.",
        ["location:government-property"] = "Another public building, lot or garage.",
        ["location:other"] = "None of these, or not known.",

        ["circumstances:crime-in-progress"] = "A crime is in progress on the scene.",
        ["circumstances:officer-in-danger"] = "An officer is in danger.",
        ["circumstances:medical-emergency"] = "A medical emergency.",
        ["circumstances:traffic-hazard"] = "A traffic hazard.",

        ["subjectFacts:gang-database"] = "The person is in a gang database.",
        ["subjectFacts:pending-felony-charge"] = "The person has a pending felony charge.",
        ["subjectFacts:felony-conviction"] = "The person has a felony conviction.",
        ["subjectFacts:outstanding-criminal-warrant"] = "There is an outstanding criminal warrant for the person.",
        ["subjectFacts:proof-of-lawful-status"] = "The person has shown proof of lawful status.",
        ["subjectFacts:in-custody"] = "The person is in local custody.",
        ["subjectFacts:foreign-national-arrested"] = "The person is a foreign national who was arrested.",
    };

    /// <summary>Every request field with a vocabulary, in the contract's order, with each value and its meaning.</summary>
    public static Dictionary<string, List<VocabularyValueBody>> All() => new(StringComparer.Ordinal)
    {
        ["respondent"] = Of("respondent", ContractNames<Respondent>.Names),
        ["requester"] = Of("requester", ContractNames<Requester>.Names),
        ["purpose"] = Of("purpose", ContractNames<Purpose>.Names),
        ["assistance"] = Of("assistance", ContractNames<AssistanceKind>.Names),
        ["authority"] = Of("authority", ContractNames<Authority>.Names),
        ["location"] = Of("location", ContractNames<Location>.Names),
        ["circumstances"] = Of("circumstances", ContractNames<Circumstance>.Names),
        ["subjectFacts"] = Of("subjectFacts", ContractNames<SubjectFact>.Names),
    };

    private static List<VocabularyValueBody> Of(string field, IReadOnlyList<string> values) =>
        [.. values.Select(v => new VocabularyValueBody { Value = v, Meaning = Meanings.GetValueOrDefault($"{field}:{v}", string.Empty) })];
}
