package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MemberRotationTest {

    @Test
    void requestsGoRoundRobinOverAllMembers() {
        MemberRotation rotation = new MemberRotation(3);

        assertThat(take(rotation, 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void aRemovedMemberGetsNoRequestsAndTheOthersShareThemEvenly() {
        MemberRotation rotation = new MemberRotation(3);
        rotation.remove(1);

        List<Integer> next = take(rotation, 6);

        assertThat(next).doesNotContain(1);
        assertThat(next.stream().filter(i -> i == 0).count()).isEqualTo(3);
    }

    @Test
    void aRestoredMemberIsBackInTheRotation() {
        MemberRotation rotation = new MemberRotation(3);
        rotation.remove(2);
        rotation.restore(2);

        assertThat(take(rotation, 3)).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void withEveryMemberRemovedThereIsNoTarget() {
        MemberRotation rotation = new MemberRotation(2);
        rotation.remove(0);
        rotation.remove(1);

        assertThat(rotation.next()).isEqualTo(-1);
    }

    private static List<Integer> take(MemberRotation rotation, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rotation.next());
        }
        return out;
    }
}
