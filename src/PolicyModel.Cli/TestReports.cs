using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using NodaTime;
using NodaTime.Text;

namespace PolicyModel.Cli;

/// <summary>
/// <c>policymodel test --format junit|trx</c>: the results as JUnit XML or as Visual Studio test results (TRX), the
/// two formats CI systems read. One test suite per scenario file, one test case per scenario. Names and messages come
/// from input, so control characters are escaped (XML cannot hold most of them anyway).
/// </summary>
internal static class TestReports
{
    private const string TrxNamespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string UnitTestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string ResultsNotInAList = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
    private const string AllLoadedResults = "19431567-8539-422a-85d7-44ee4e166bda";

    private static readonly OffsetDateTimePattern TrxTime = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fffffffo<+HH:mm>");

    public static void WriteJUnit(TextWriter output, IReadOnlyList<(string File, ScenarioResult Result)> results) => Write(output, xml =>
    {
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "policymodel test");
        Counts(xml, results);
        foreach (var file in results.GroupBy(r => r.File))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Safe(file.Key));
            Counts(xml, [.. file]);
            foreach (var (_, result) in file)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", Safe(result.Scenario.Name));
                xml.WriteAttributeString("classname", Safe(Path.GetFileNameWithoutExtension(file.Key)));
                if (!result.Passed)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Safe(result.Failures[0]));
                    xml.WriteAttributeString("type", "scenario");
                    xml.WriteString(Details(result));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    public static void WriteTrx(TextWriter output, IReadOnlyList<(string File, ScenarioResult Result)> results) => Write(output, xml =>
    {
        var now = TrxTime.Format(SystemClock.Instance.GetCurrentInstant().WithOffset(Offset.Zero));
        var tests = results.Select((r, i) => (r.File, r.Result, Test: Id($"test|{r.File}|{i}|{r.Result.Scenario.Name}"), Execution: Id($"execution|{r.File}|{i}"))).ToList();
        xml.WriteStartElement("TestRun", TrxNamespace);
        xml.WriteAttributeString("id", Id("run|" + string.Join('|', results.Select(r => r.File).Distinct())));
        xml.WriteAttributeString("name", "policymodel test");
        xml.WriteStartElement("Times");
        xml.WriteAttributeString("creation", now);
        xml.WriteAttributeString("start", now);
        xml.WriteAttributeString("finish", now);
        xml.WriteEndElement();

        xml.WriteStartElement("Results");
        foreach (var (file, result, test, execution) in tests)
        {
            xml.WriteStartElement("UnitTestResult");
            xml.WriteAttributeString("executionId", execution);
            xml.WriteAttributeString("testId", test);
            xml.WriteAttributeString("testName", Safe(result.Scenario.Name));
            xml.WriteAttributeString("computerName", "policymodel");
            xml.WriteAttributeString("duration", "00:00:00");
            xml.WriteAttributeString("startTime", now);
            xml.WriteAttributeString("endTime", now);
            xml.WriteAttributeString("testType", UnitTestType);
            xml.WriteAttributeString("outcome", result.Passed ? "Passed" : "Failed");
            xml.WriteAttributeString("testListId", ResultsNotInAList);
            if (!result.Passed)
            {
                xml.WriteStartElement("Output");
                xml.WriteStartElement("ErrorInfo");
                xml.WriteElementString("Message", Details(result));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("TestDefinitions");
        foreach (var (file, result, test, execution) in tests)
        {
            xml.WriteStartElement("UnitTest");
            xml.WriteAttributeString("name", Safe(result.Scenario.Name));
            xml.WriteAttributeString("storage", Safe(file));
            xml.WriteAttributeString("id", test);
            xml.WriteStartElement("Execution");
            xml.WriteAttributeString("id", execution);
            xml.WriteEndElement();
            xml.WriteStartElement("TestMethod");
            xml.WriteAttributeString("codeBase", Safe(file));
            xml.WriteAttributeString("adapterTypeName", "executor://policymodel/scenarios");
            xml.WriteAttributeString("className", Safe(Path.GetFileNameWithoutExtension(file)));
            xml.WriteAttributeString("name", Safe(result.Scenario.Name));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("TestEntries");
        foreach (var (_, _, test, execution) in tests)
        {
            xml.WriteStartElement("TestEntry");
            xml.WriteAttributeString("testId", test);
            xml.WriteAttributeString("executionId", execution);
            xml.WriteAttributeString("testListId", ResultsNotInAList);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("TestLists");
        foreach (var (name, id) in new[] { ("Results Not in a List", ResultsNotInAList), ("All Loaded Results", AllLoadedResults) })
        {
            xml.WriteStartElement("TestList");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("id", id);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        var failed = results.Count(r => !r.Result.Passed);
        xml.WriteStartElement("ResultSummary");
        xml.WriteAttributeString("outcome", failed == 0 ? "Completed" : "Failed");
        xml.WriteStartElement("Counters");
        xml.WriteAttributeString("total", Number(results.Count));
        xml.WriteAttributeString("executed", Number(results.Count));
        xml.WriteAttributeString("passed", Number(results.Count - failed));
        xml.WriteAttributeString("failed", Number(failed));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    private static void Write(TextWriter output, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Counts(XmlWriter xml, IReadOnlyList<(string File, ScenarioResult Result)> results)
    {
        xml.WriteAttributeString("tests", Number(results.Count));
        xml.WriteAttributeString("failures", Number(results.Count(r => !r.Result.Passed)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
    }

    private static string Details(ScenarioResult result)
    {
        var lines = result.Failures.Select(Safe).ToList();
        if (result.Decision is { } decision)
        {
            lines.Add("explanation: " + Safe(decision.Explanation));
        }

        return string.Join('\n', lines);
    }

    private static string Safe(string text) => UntrustedText.Escape(text);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stable id from a text (the same results give the same ids, so reports compare).</summary>
    private static string Id(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]).ToString();
    }
}
