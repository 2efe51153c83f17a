import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Saves the screen of $DISPLAY as a PNG, optionally after a click (to select something first) and typing a line
 * (ended with Enter); with {@code -} for the file it only clicks and types:
 * {@code java Screenshot.java <file.png | -> [width height [clickX clickY [text]]]}. Text is lowercase letters,
 * digits and spaces, or {@code ESC} for the Escape key.
 */
public final class Screenshot {

    public static void main(String[] args) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        if (args.length >= 3) {
            screen = new Rectangle(0, 0, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        }
        Robot robot = new Robot();
        if (args.length >= 5) {
            robot.mouseMove(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            robot.delay(1_500);
        }
        if (args.length == 6) {
            if (args[5].equals("ESC")) {
                press(robot, KeyEvent.VK_ESCAPE);
            } else {
                for (char c : args[5].toCharArray()) {
                    press(robot, KeyEvent.getExtendedKeyCodeForChar(c));
                }
                press(robot, KeyEvent.VK_ENTER);
            }
            robot.delay(1_500);
        }
        if (!"-".equals(args[0])) {
            ImageIO.write(robot.createScreenCapture(screen), "png", new File(args[0]));
        }
    }

    private static void press(Robot robot, int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
        robot.delay(30);
    }
}
