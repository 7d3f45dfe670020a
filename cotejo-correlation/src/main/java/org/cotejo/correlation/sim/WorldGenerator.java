package org.cotejo.correlation.sim;

import java.util.List;

/**
 * Generates a simulated world with its ground truth (issue 6, "A simulator with ground truth"). The
 * infrastructure, the published feed and the phones draw from separate random streams of the seed, so
 * a world with more phones has the same vendors, operators and feed.
 */
public final class WorldGenerator {
    private WorldGenerator() {}

    public static World generate(WorldSpec spec) {
        Dice root = new Dice(spec.seed());
        Dice infraDice = root.split();
        Dice feedDice = root.split();
        Dice deviceDice = root.split();
        ObservablePool pool = new ObservablePool();
        InfrastructureGenerator infra = new InfrastructureGenerator(spec, infraDice, pool);
        List<Vendor> vendors = infra.vendors();
        List<Operator> operators = infra.operators(vendors);
        infra.popularHosting();
        EnrichmentFiles enrichment = new EnrichmentFiles(infra.rows(), spec.seed());
        FeedPublisher feed = new FeedPublisher(vendors, operators, spec.feedCoverage(), feedDice);
        DeviceGenerator.Result phones = new DeviceGenerator(spec, deviceDice, pool, vendors, operators, feed).generate();
        Truth truth = new Truth(vendors, operators, phones.truth(), phones.pivots());
        return new World(spec, phones.evidence(), feed.feed(), enrichment.index(), enrichment.files(), truth);
    }
}
