// Meters, activity sources and Console are process-wide: the listeners and the captured console of one test
// must not see another test's decisions, so the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
