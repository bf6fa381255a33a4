package dev.relaygate.relay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.relaygate.relay.admin.AdminApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * relay-core's packages form layers with one direction, bottom to top:
 * <ol>
 *   <li>foundation: {@code time} (clock, random numbers), {@code exchange} (the shared record of one relayed
 *       request: environment, outcome, usage, listener), {@code http}, {@code json} and {@code sse} helpers;</li>
 *   <li>{@code config}: plain records, loading and validation;</li>
 *   <li>the relay's workings: {@code routing}, {@code metrics}, {@code judge}, {@code rollout}, {@code health},
 *       {@code upstream}, {@code shadow}, {@code log}, {@code proxy}, {@code fleet}, free of cycles among
 *       themselves;</li>
 *   <li>{@code admin}: the control paths;</li>
 *   <li>the root package: {@code RelayAssembly}, the one composition root, and {@code RelayServer};</li>
 *   <li>{@code cli} on top.</li>
 * </ol>
 * A layer may use the layers below it, never one above; no two packages may depend on each other.
 */
final class PackageLayersTest {

    private static final String ROOT = "dev.relaygate.relay";

    private static JavaClasses relayCore;

    @BeforeAll
    static void importMainClasses() {
        relayCore = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule layersPointDown() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Foundation")
                .definedBy(ROOT + ".time..", ROOT + ".exchange..", ROOT + ".http..", ROOT + ".json..", ROOT + ".sse..")
                .layer("Config")
                .definedBy(ROOT + ".config..")
                .layer("Workings")
                .definedBy(
                        ROOT + ".routing..",
                        ROOT + ".metrics..",
                        ROOT + ".judge..",
                        ROOT + ".rollout..",
                        ROOT + ".health..",
                        ROOT + ".upstream..",
                        ROOT + ".shadow..",
                        ROOT + ".log..",
                        ROOT + ".proxy..",
                        ROOT + ".fleet..")
                .layer("Admin")
                .definedBy(ROOT + ".admin..")
                .layer("Assembly")
                .definedBy(ROOT)
                .layer("Cli")
                .definedBy(ROOT + ".cli..")
                .whereLayer("Cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Assembly")
                .mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Admin")
                .mayOnlyBeAccessedByLayers("Assembly", "Cli")
                .whereLayer("Workings")
                .mayOnlyBeAccessedByLayers("Admin", "Assembly", "Cli")
                .whereLayer("Config")
                .mayOnlyBeAccessedByLayers("Workings", "Admin", "Assembly", "Cli");
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        noPackageCycles(ROOT).check(relayCore);
    }

    @Test
    void everyImportPointsDownTheLayers() {
        layersPointDown().check(relayCore);
    }

    @Test
    void routingAndTheJudgeArePureJava() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".routing..", ROOT + ".judge..", ROOT + ".time..", ROOT + ".rollout..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "io.netty..", "com.hazelcast..")
                .check(relayCore);
    }

    @Test
    void onlyTheFleetAndTheCompositionRootKnowHazelcast() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".fleet..", ROOT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.hazelcast..", "io.vertx.spi.cluster..")
                .check(relayCore);
    }

    @Test
    void theCycleRuleCatchesAnInjectedCycle() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("dev.relaygate.archfixture.cycle");
        assertThatThrownBy(
                        () -> noPackageCycles("dev.relaygate.archfixture.cycle").check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("archfixture.cycle.a")
                .hasMessageContaining("archfixture.cycle.b");
    }

    @Test
    void theLayerRuleCatchesABottomTypeReachingUp() throws ClassNotFoundException {
        JavaClasses upward = new ClassFileImporter()
                .importClasses(Class.forName(ROOT + ".exchange.UpwardImportFixture"), AdminApi.class);
        assertThatThrownBy(() -> layersPointDown().check(upward))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UpwardImportFixture");
    }
}
